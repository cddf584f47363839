package org.fengqiao.shared.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 督办员 see the open steps of the cases in their scope in the Tasklist (the 即将超期 and 已超期 filters),
 * as {@code GET /api/disputes?overdue=true} lists those cases to them; they may read such a task but
 * neither claim nor complete it, which stays with the step's candidates.
 *
 * <p>Every user task of a process that names its supervisors in the variable {@value #VARIABLE} (the
 * {@code <org>-supervisor} groups from the case's organisation up to the root, comma-separated) is
 * linked to those groups with the identity link type {@value #LINK_TYPE}. Camunda's authorization
 * provider would grant such a link what it grants a candidate (READ and the task-work permission);
 * this provider grants READ only, merged into the group's existing authorization on the task when
 * the group is also a candidate (the 督办复核 step), so no second authorization row is inserted. A
 * {@code supervision} link is not a candidate link: the 本组待办 filter (candidate groups) does not
 * list the task, and completing it is refused by the engine (no TASK_WORK/UPDATE).
 */
@Component
public class SupervisorTaskReading extends AbstractProcessEnginePlugin {

    /** The process variable naming the supervisor groups of the case. */
    public static final String VARIABLE = "supervisorGroups";
    /** The identity link type that lets a group read a task without being its candidate. */
    public static final String LINK_TYPE = "supervision";

    static final TaskListener LINK = task -> {
        Object groups = task.getExecution() == null ? null : task.getExecution().getVariable(VARIABLE);
        if (!(groups instanceof String names) || names.isBlank()) {
            return;
        }
        for (String group : names.split(",")) {
            if (!group.isBlank()) {
                task.addGroupIdentityLink(group.trim(), LINK_TYPE);
            }
        }
    };

    /** Camunda's default provider, but a {@value #LINK_TYPE} link grants READ only. */
    static class Provider extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            if (LINK_TYPE.equals(type)) {
                return new AuthorizationEntity[] {createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false,
                        Permissions.READ)};
            }
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            // the READ of a supervision link goes with the task; removing a candidate link keeps it
            return LINK_TYPE.equals(type) ? null : super.deleteTaskGroupIdentityLink(task, groupId, type);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, LINK);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
