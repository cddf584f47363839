package org.fengqiao.shared.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * onto the task itself: whoever may see the task sees its card, and nothing more. A task that stays
 * open while its case changes (a non-interrupting timer, a recomputed deadline) gets its card again
 * from the module ({@link #cardOf}).
 */
@Component
public class TaskCardVariables extends AbstractProcessEnginePlugin {

    /**
     * The process variables a card may show — a case's (案号, title, parties, status, deadline) and a
     * custody item's number and name — and the Chinese name each gets on the task: the Tasklist's
     * search offers a filter's card variables by label and name (任务变量 → 案号 …), so the name a user
     * sees there is Chinese too. Each is copied when the task's process has it; a custody item's number
     * and name come first (a card shows its first two; a dispute's task has neither).
     */
    public static final Map<String, String> CARD = cardNames();

    private static Map<String, String> cardNames() {
        Map<String, String> card = new LinkedHashMap<>();
        card.put("itemNo", "财物编号");
        card.put("itemName", "财物名称");
        card.put("caseNo", "案号");
        card.put("caseTitle", "案由");
        card.put("caseParties", "当事人");
        card.put("caseStatus", "状态");
        card.put("caseDeadline", "期限");
        return Collections.unmodifiableMap(card);
    }

    /**
     * The card a task shows, from its process's variables (by their process names; absent ones are left
     * out): what a module sets on its open tasks ({@code TaskService#setVariablesLocal}) when the case
     * changed while a task stayed open — a non-interrupting timer fired, a deadline was recomputed —
     * since the copy is made only when a task is created.
     */
    public static Map<String, Object> cardOf(Map<String, ?> processVariables) {
        Map<String, Object> card = new LinkedHashMap<>();
        CARD.forEach((processName, cardName) -> {
            if (processVariables.containsKey(processName)) {
                card.put(cardName, processVariables.get(processName));
            }
        });
        return card;
    }

    /**
     * Sets an open task's card again, and moves its due and follow-up dates where the module names them
     * (null: the model does not read that date from the case) and they changed. Skips {@code except} (the
     * task being completed: its card goes with it) and a task already deleted in this command (an
     * interrupting timer or message). The module's gateway passes its own {@code TaskService}. Answers whether
     * the task was refreshed (false: skipped; its process instance may be ending too).
     */
    public static boolean refresh(org.camunda.bpm.engine.TaskService tasks, org.camunda.bpm.engine.task.Task task, String except,
                               Map<String, Object> card, java.util.Date due, java.util.Date followUp) {
        if (task.getId().equals(except)
                || (task instanceof org.camunda.bpm.engine.impl.persistence.entity.TaskEntity entity && entity.isDeleted())) {
            return false;
        }
        tasks.setVariablesLocal(task.getId(), card);
        boolean moved = false;
        if (due != null && !due.equals(task.getDueDate())) {
            task.setDueDate(due);
            moved = true;
        }
        if (followUp != null && !followUp.equals(task.getFollowUpDate())) {
            task.setFollowUpDate(followUp);
            moved = true;
        }
        if (moved) {
            tasks.saveTask(task);
        }
        return true;
    }

    static final TaskListener COPY = task -> {
        if (task.getExecution() == null) {
            return;
        }
        CARD.forEach((processName, cardName) -> {
            if (task.getExecution().hasVariable(processName)) {
                task.setVariableLocal(cardName, task.getExecution().getVariable(processName));
            }
        });
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
