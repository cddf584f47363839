package org.fengqiao.dispute.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.StepVariables;
import org.fengqiao.dispute.DisputeAction;
import org.fengqiao.dispute.DisputeManagement;
import org.fengqiao.shared.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task of {@code dispute-mediation} (and end listener of the
 * message event that stands for the court's decision): whether the step was completed from the Tasklist or through the
 * REST facade, the submitted variables become a domain command, the domain validates and applies
 * it as the authenticated user, and the routing and assignment variables are refreshed.
 */
@Component("disputeTaskCompletion")
class DisputeTaskCompletion implements TaskListener, ExecutionListener {

    private final DisputeManagement management;
    private final DisputeProcessVariables variables;
    private final ProcessSteps steps;
    private final WorkingCalendar calendar;
    private final StepForms forms;

    private final DisputeProcessGateway gateway;

    DisputeTaskCompletion(DisputeManagement management, DisputeProcessVariables variables, ProcessSteps steps,
                          WorkingCalendar calendar, StepForms forms, DisputeProcessGateway gateway) {
        this.gateway = gateway;
        this.forms = forms;
        this.management = management;
        this.variables = variables;
        this.steps = steps;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessSteps.recordingRefusals(() -> {
            forms.refuseUndeclared(task, DisputeProcess.KEPT, DisputeProcess.declaredBesidesForm(task.getTaskDefinitionKey()));
            handle(task.getExecution(), task.getTaskDefinitionKey(), task.getVariables(), task.getId());
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        ProcessSteps.recordingRefusals(() -> handle(execution, execution.getCurrentActivityId(), execution.getVariables(), null));
    }

    /** {@code taskId}: the task being completed, or null for a message event standing for the step. */
    private void handle(DelegateExecution execution, String stepKey, Map<String, Object> submitted, String taskId) {
        // the case is the process instance's (business key), never the caseId variable a user can rewrite
        String caseId = DisputeProcess.caseOf(execution, management);
        DisputeAction action = actionOf(stepKey, submitted.get(DisputeProcess.ACTION));
        Object command = StepCommands.parse(action, new StepVariables(submitted, calendar.zone()));
        String route = management.apply(caseId, action, command, steps.caller());
        VariableScope processScope = execution.getProcessInstance();
        ProcessSteps.keepOnly(execution, DisputeProcess.KEPT);
        processScope.setVariable(DisputeProcess.ROUTE, route);
        Map<String, Object> vars = variables.apply(processScope, management.get(caseId));
        // the next task copies its card when created; any other task still open (the risk report beside the
        // case's main step, or the main step while the report is delivered) gets it now
        gateway.refreshCards(execution.getProcessInstanceId(), vars, taskId);
    }

    private static DisputeAction actionOf(String stepKey, Object requested) {
        List<DisputeAction> candidates = DisputeProcess.actionsOf(stepKey);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (requested == null && DisputeProcess.DEFAULT_ACTIONS.containsKey(stepKey)) {
            return DisputeProcess.DEFAULT_ACTIONS.get(stepKey);
        }
        return candidates.stream().filter(a -> a.path().equals(requested)).findFirst()
                .orElseThrow(() -> ValidationException.of(DisputeProcess.ACTION, "请选择本次办理的事项 (choose one of "
                        + candidates.stream().map(DisputeAction::path).toList() + ")"));
    }
}
