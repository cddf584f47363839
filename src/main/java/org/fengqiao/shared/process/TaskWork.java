package org.fengqiao.shared.process;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.fengqiao.shared.Caller;
import org.springframework.stereotype.Component;

/**
 * Whether a caller may work (claim, complete) a task they can see: the engine's own authorization
 * (UPDATE or TASK_WORK on the task), as the Tasklist's completion will be judged. A 督办员 reads the
 * steps of the cases in scope ({@link SupervisorTaskReading}) without holding either.
 */
@Component
public class TaskWork {

    private final AuthorizationService authorizations;
    private final ProcessEngineConfiguration engine;

    TaskWork(AuthorizationService authorizations, ProcessEngineConfiguration engine) {
        this.authorizations = authorizations;
        this.engine = engine;
    }

    public boolean mayWork(String taskId, Caller caller) {
        if (!engine.isAuthorizationEnabled() || caller.isAdmin()) {
            return true;
        }
        List<String> groups = List.copyOf(caller.groups());
        return authorizations.isUserAuthorized(caller.userId(), groups, Permissions.UPDATE, Resources.TASK, taskId)
                || authorizations.isUserAuthorized(caller.userId(), groups, TaskPermissions.TASK_WORK, Resources.TASK, taskId);
    }
}
