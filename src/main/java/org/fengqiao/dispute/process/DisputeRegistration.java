package org.fengqiao.dispute.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.dispute.Channel;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeCommands.PartyInput;
import org.fengqiao.dispute.DisputeCommands.Registration;
import org.fengqiao.dispute.DisputeManagement;
import org.fengqiao.dispute.PartyRole;
import org.fengqiao.dispute.PartyType;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code dispute-mediation}: a process started from the Tasklist's 启动流程 (the
 * start form {@code dispute-registration-form}) registers its case through
 * {@link DisputeManagement#registerStarted}, with the same checks as {@code POST /api/disputes};
 * the business key becomes the new case's 案号, whatever the starter sent. An instance started by
 * {@link DisputeProcessGateway#start} for a case registered through the API is left alone.
 */
@Component("disputeRegistration")
class DisputeRegistration implements ExecutionListener {

    static final String FORM = "dispute-registration-form";

    private final DisputeManagement management;
    private final DisputeProcessVariables variables;
    private final ProcessSteps steps;
    private final WorkingCalendar calendar;
    private final StepForms forms;

    DisputeRegistration(DisputeManagement management, DisputeProcessVariables variables, ProcessSteps steps,
                        WorkingCalendar calendar, StepForms forms) {
        this.management = management;
        this.variables = variables;
        this.steps = steps;
        this.calendar = calendar;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (DisputeProcessGateway.STARTING.get() != null) {
            return;
        }
        ProcessSteps.recordingRefusals(() -> register(execution));
    }

    private void register(DelegateExecution execution) {
        Map<String, Object> submitted = execution.getVariables();
        forms.refuseUndeclared(FORM, submitted.keySet(), "登记表没有该字段，不能提交 (not a field of the registration form)");
        StepVariables v = new StepVariables(submitted, calendar.zone());
        List<PartyInput> parties = List.of(party(v, PartyRole.APPLICANT, "applicant"), party(v, PartyRole.RESPONDENT, "respondent"));
        Registration cmd = new Registration(v.string("title"), v.string("facts"), v.string("claims"),
                v.enumOf("category", DisputeCategory.class), v.enumOf("channel", Channel.class), v.string("sourceRef"),
                v.decimal("amountInvolved"), v.string("centreId"), parties);
        DisputeCase c;
        try {
            c = management.registerStarted(cmd, steps.caller(), execution.getProcessInstanceId());
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream().map(DisputeRegistration::toFormField).toList());
        }
        execution.setProcessBusinessKey(DisputeProcess.businessKeyOf(c));
        ProcessSteps.keepOnly(execution, DisputeProcess.KEPT);
        execution.setVariable(DisputeProcess.ROUTE, "");
        variables.apply(execution, c);
    }

    private static PartyInput party(StepVariables v, PartyRole role, String prefix) {
        return new PartyInput(role, v.enumOf(prefix + "Type", PartyType.class), v.string(prefix + "Name"),
                v.string(prefix + "IdNumber"), v.string(prefix + "Phone"), v.string(prefix + "Address"));
    }

    /** The registration's errors on parties[0] / parties[1] name the start form's fields instead. */
    private static ValidationException.FieldError toFormField(ValidationException.FieldError e) {
        String field = e.field();
        for (int i = 0; i < 2; i++) {
            String prefix = "parties[" + i + "].";
            if (field.startsWith(prefix)) {
                String rest = field.substring(prefix.length());
                field = (i == 0 ? "applicant" : "respondent") + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return new ValidationException.FieldError(field, e.message());
    }
}
