package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** Dispute tests that also work the case's user tasks as a Tasklist user would (the engine's door). */
abstract class DisputeTasklistTestBase extends DisputeApiTestBase {

    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    /** The case's open task of the given definition key (the case's process instance, not a variable). */
    Task task(String caseId, String key) {
        String pid = f.get("admin", caseId).text("processInstanceId");
        Task task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    /** Completes a task as a Tasklist user would; returns what it threw (or null). */
    Throwable completeAs(String user, List<String> groups, Task task, Map<String, Object> formValues) {
        identityService.setAuthentication(user, groups);
        try {
            return catchThrowable(() -> taskService.complete(task.getId(), formValues));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
