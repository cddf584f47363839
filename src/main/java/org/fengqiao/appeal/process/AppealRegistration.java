package org.fengqiao.appeal.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.fengqiao.appeal.Appeal;
import org.fengqiao.appeal.AppealChannel;
import org.fengqiao.appeal.AppealCommands.Report;
import org.fengqiao.appeal.AppealCommands.Reporter;
import org.fengqiao.appeal.AppealManagement;
import org.fengqiao.appeal.AppealType;
import org.fengqiao.appeal.Urgency;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code grid-appeal}: a process started from the Tasklist's 启动流程 (the start
 * form {@code appeal-report-form}, 诉求登记) reports its appeal through
 * {@link AppealManagement#reportStarted}, with the same checks as {@code POST /api/appeals}; the
 * business key becomes the new appeal's ticket number, whatever the starter sent. An instance
 * started by {@link AppealProcessGateway#start} for an appeal reported through the API is left alone.
 */
@Component("appealRegistration")
class AppealRegistration implements ExecutionListener {

    static final String FORM = "appeal-report-form";

    private final AppealManagement management;
    private final AppealProcessVariables variables;
    private final ProcessSteps steps;
    private final StepForms forms;
    private final java.time.ZoneId zone;

    AppealRegistration(AppealManagement management, AppealProcessVariables variables, ProcessSteps steps,
                       StepForms forms, java.time.Clock clock) {
        this.management = management;
        this.variables = variables;
        this.steps = steps;
        this.forms = forms;
        this.zone = clock.getZone();
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (AppealProcessGateway.STARTING.get() != null) {
            return;
        }
        ProcessSteps.recordingRefusals(() -> register(execution));
    }

    private void register(DelegateExecution execution) {
        Map<String, Object> submitted = execution.getVariables();
        forms.refuseUndeclared(FORM, submitted.keySet(), "登记表没有该字段，不能提交 (not a field of the report form)");
        StepVariables v = new StepVariables(submitted, zone);
        Report cmd = new Report(v.enumOf("type", AppealType.class), v.enumOf("channel", AppealChannel.class),
                v.string("gridId"), v.string("description"), v.enumOf("urgency", Urgency.class),
                Reporter.of(v.string("reporterName"), v.string("reporterPhone")));
        Appeal a = management.reportStarted(cmd, steps.caller(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(AppealProcess.businessKeyOf(a));
        ProcessSteps.keepOnly(execution, AppealProcess.KEPT);
        execution.setVariable(AppealProcess.ROUTE, "");
        execution.setVariables(variables.of(a));
    }
}
