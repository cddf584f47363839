package org.fengqiao.shared.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's cards show a case's 案号, title, parties, status and deadline. The Tasklist reads
 * them as variables of the task's scope; a process variable needs READ on the whole process
 * instance (or READ_INSTANCE_VARIABLE on the definition: every case), which a role should not get
 * for the cards' sake. So when a user task is created, these variables of its process are copied
 * onto the task itself: whoever may see the task sees its card, and nothing more.
 */
@Component
class TaskCardVariables extends AbstractProcessEnginePlugin {

    /**
     * The variables a card may show: a case's (案号, title, parties, status, deadline) and a custody
     * item's number and name. Each is copied when the task's process has it; a process without
     * them gets no copy.
     */
    static final List<String> CARD = List.of("caseNo", "caseTitle", "caseParties", "caseStatus", "caseDeadline",
            "itemNo", "itemName");

    static final TaskListener COPY = task -> {
        if (task.getExecution() == null) {
            return;
        }
        for (String name : CARD) {
            if (task.getExecution().hasVariable(name)) {
                task.setVariableLocal(name, task.getExecution().getVariable(name));
            }
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
