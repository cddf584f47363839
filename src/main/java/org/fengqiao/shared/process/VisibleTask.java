package org.fengqiao.shared.process;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.shared.Caller;

/**
 * A task the caller may see — the engine's task authorizations, as in the Tasklist — with its process's
 * key, its instance's business key and its step form: what each module's gateway turns into its own task
 * reference (the business key names the case, item or appeal; never a variable a user can write). The
 * gateway passes its own engine services: it stays the one class of its module that talks to them.
 */
public record VisibleTask(Task task, String processKey, String businessKey, String formId) {

    public static Optional<VisibleTask> find(TaskService tasks, RuntimeService runtime, IdentityService identity,
                                             InternalEngineCalls internal, String taskId, Caller caller,
                                             Collection<String> processKeys) {
        Task task;
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            task = tasks.createTaskQuery().taskId(taskId).processDefinitionKeyIn(processKeys.toArray(String[]::new))
                    .initializeFormKeys().singleResult();
        } finally {
            identity.clearAuthentication();
        }
        if (task == null) {
            return Optional.empty();
        }
        String businessKey = internal.run(() -> {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            return instance == null ? null : instance.getBusinessKey();
        });
        if (businessKey == null) {
            return Optional.empty();
        }
        // a definition's id is key:version:uuid
        String processKey = task.getProcessDefinitionId().split(":")[0];
        String formId = StepForms.formIdOf(task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey(),
                task.getFormKey());
        return Optional.of(new VisibleTask(task, processKey, businessKey, formId));
    }
}
