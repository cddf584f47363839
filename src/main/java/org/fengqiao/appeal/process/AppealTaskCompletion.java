package org.fengqiao.appeal.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.fengqiao.appeal.AppealAction;
import org.fengqiao.appeal.AppealCommands.*;
import org.fengqiao.appeal.AppealManagement;
import org.fengqiao.appeal.ReviewDecision;
import org.fengqiao.appeal.Satisfaction;
import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeCommands;
import org.fengqiao.dispute.PartyRole;
import org.fengqiao.dispute.PartyType;
import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.StepVariables;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Complete listener of every user task of {@code grid-appeal}: whether completed from the Tasklist
 * or through the REST facade, the submitted variables become a domain command that the domain
 * validates and applies as the authenticated user; then routing and assignment variables are refreshed.
 */
@Component("appealTaskCompletion")
class AppealTaskCompletion implements TaskListener {

    private final AppealManagement management;
    private final AppealProcessVariables variables;
    private final ProcessSteps steps;
    private final ObjectMapper mapper;
    private final java.time.ZoneId zone;
    private final StepForms forms;

    private final AppealProcessGateway gateway;

    AppealTaskCompletion(AppealManagement management, AppealProcessVariables variables, ProcessSteps steps,
                         ObjectMapper mapper, java.time.Clock clock, StepForms forms, AppealProcessGateway gateway) {
        this.gateway = gateway;
        this.forms = forms;
        this.management = management;
        this.variables = variables;
        this.steps = steps;
        this.mapper = mapper;
        this.zone = clock.getZone();
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessSteps.recordingRefusals(() -> {
            forms.refuseUndeclared(task, AppealProcess.KEPT, AppealProcess.declaredBesidesForm(task.getTaskDefinitionKey()));
            handle(task);
        });
    }

    private void handle(DelegateTask task) {
        Map<String, Object> submitted = task.getVariables();
        // the appeal is the process instance's (business key), never the appealId variable a user can rewrite
        String appealId = AppealProcess.appealOf(task.getExecution(), management);
        AppealAction action = actionOf(task.getTaskDefinitionKey(), submitted.get(AppealProcess.ACTION));
        Object command = parse(action, new StepVariables(submitted, zone));
        String route = management.apply(appealId, action, command, steps.caller());
        DelegateExecution execution = task.getExecution();
        VariableScope processScope = execution.getProcessInstance();
        ProcessSteps.keepOnly(execution, AppealProcess.KEPT);
        processScope.setVariable(AppealProcess.ROUTE, route);
        Map<String, Object> vars = variables.of(management.get(appealId));
        processScope.setVariables(vars);
        // the next task copies its card when created; any other task still open gets it now
        gateway.refreshCards(execution.getProcessInstanceId(), vars, task.getId());
    }

    private static AppealAction actionOf(String stepKey, Object requested) {
        List<AppealAction> candidates = AppealProcess.actionsOf(stepKey);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        return candidates.stream().filter(a -> a.path().equals(requested)).findFirst()
                .orElseThrow(() -> ValidationException.of(AppealProcess.ACTION, "请选择本次办理的事项 (choose one of "
                        + candidates.stream().map(AppealAction::path).toList() + ")"));
    }

    private Object parse(AppealAction action, StepVariables v) {
        return switch (action) {
            case TRIAGE -> new Triage(v.string("leadDepartmentId"), v.strings("assistingDepartmentIds"),
                    v.enumOf("level", OrganisationLevel.class), v.integer("dueInDays"), v.string("notes"));
            case TO_DISPUTE -> new ToDispute(v.string("title"), v.enumOf("category", DisputeCategory.class),
                    v.string("claims"), v.decimal("amountInvolved"), parties(v));
            case DISPATCH -> new Dispatch(v.string("notes"));
            case SIGN -> new Sign(v.string("notes"));
            case RETURN -> new Return(v.string("reason"));
            case EXTENSION -> new Extension(v.integer("extraDays"), v.string("reason"));
            case EXTENSION_APPROVAL -> new ExtensionApproval(v.bool("approved"), v.string("reason"));
            case FEEDBACK -> new Feedback(v.string("result"));
            case REVIEW -> new Review(v.enumOf("decision", ReviewDecision.class), v.string("reason"));
            case RETURN_VISIT -> new ReturnVisit(v.enumOf("satisfaction", Satisfaction.class), v.string("notes"));
        };
    }

    /** Parties as JSON text (REST) or, from the Tasklist form, one applicant and one respondent by name. */
    private List<DisputeCommands.PartyInput> parties(StepVariables v) {
        String json = v.string("parties");
        if (json != null) {
            try {
                return mapper.readValue(json, new TypeReference<List<DisputeCommands.PartyInput>>() { });
            } catch (JsonProcessingException e) {
                throw ValidationException.of("parties", "当事人格式不正确 (malformed parties)");
            }
        }
        List<DisputeCommands.PartyInput> parties = new ArrayList<>();
        if (v.string("applicantName") != null) {
            parties.add(new DisputeCommands.PartyInput(PartyRole.APPLICANT, PartyType.NATURAL, v.string("applicantName"),
                    null, v.string("applicantPhone"), null));
        }
        if (v.string("respondentName") != null) {
            parties.add(new DisputeCommands.PartyInput(PartyRole.RESPONDENT, PartyType.NATURAL, v.string("respondentName"),
                    null, null, null));
        }
        return parties;
    }
}
