package org.fengqiao.custody.process;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.process.InternalEngineCalls;
import org.fengqiao.shared.process.ProcessSteps;
import org.springframework.stereotype.Component;

/**
 * The only class of the custody module that talks to RuntimeService, TaskService and ManagementService. Every call
 * runs with the caller's Camunda authentication, so the listeners know who acts — exactly as when
 * the Tasklist completes the task.
 */
@Component
public class CustodyProcessGateway {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final InternalEngineCalls internal;
    private final ManagementService management;

    CustodyProcessGateway(RuntimeService runtime, TaskService tasks, IdentityService identity,
                          InternalEngineCalls internal, ManagementService management) {
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.internal = internal;
    }

    /**
     * Starts a custody process as the caller, after {@code CustodyAccess} allowed the request. The
     * engine's CREATE_INSTANCE check is skipped: the roles hold that permission only for the processes
     * whose start forms go through the domain (property-intake: CustodyRegistration; the item requests:
     * CustodyRequestStart), and the timers' and the system's own starts (measure period, judgment
     * delivery, inventory) are nobody's to start from the Tasklist.
     */
    public String start(String processKey, String businessKey, Map<String, Object> variables, Caller caller) {
        Boolean outer = STARTING.get();
        STARTING.set(Boolean.TRUE);
        try {
            return as(caller, () -> internal.run(
                    () -> runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId()));
        } finally {
            if (outer == null) {
                STARTING.remove();
            }
        }
    }

    /** Set while {@link #start} starts an instance for a registered item: the start form's listener then registers nothing. */
    static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

    /** A custody task as the Tasklist shows it: its step, form, process and business key (item or inventory). */
    public record TaskRef(String taskId, String taskDefinitionKey, String formId, String processKey, String businessKey) {
    }

    /**
     * The custody task {@code taskId} if the caller may see it (the engine's task authorizations, as
     * in the Tasklist), with its process's key and business key.
     */
    public java.util.Optional<TaskRef> visibleTask(String taskId, Caller caller) {
        Task task = as(caller, () -> tasks.createTaskQuery().taskId(taskId)
                .processDefinitionKeyIn(CustodyProcesses.ALL.toArray(String[]::new)).initializeFormKeys().singleResult());
        if (task == null) {
            return java.util.Optional.empty();
        }
        return internal.run(() -> {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            if (instance == null || instance.getBusinessKey() == null) {
                return java.util.Optional.<TaskRef>empty();
            }
            // a definition's id is key:version:uuid
            String processKey = task.getProcessDefinitionId().split(":")[0];
            String formId = org.fengqiao.shared.process.StepForms.formIdOf(
                    task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey(), task.getFormKey());
            return java.util.Optional.of(new TaskRef(task.getId(), task.getTaskDefinitionKey(), formId, processKey,
                    instance.getBusinessKey()));
        });
    }

    public void complete(String businessKey, String taskKey, Map<String, Object> variables, Caller caller) {
        Task task = openTask(businessKey, taskKey);
        if (task == null) {
            throw new IllegalTransitionException("没有待办的步骤 " + taskKey + " (no open step " + taskKey + ")");
        }
        internal.run(() -> {
            ProcessSteps.dropForeignVariables(runtime, tasks, task.getProcessInstanceId(), CustodyProcesses.PROCESS_OWNED);
            return null;
        });
        as(caller, () -> {
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    public Task openTask(String businessKey, String taskKey) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .active().list();
        return open.isEmpty() ? null : open.get(0);
    }

    private <T> T as(Caller caller, java.util.function.Supplier<T> work) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    /**
     * Delivers a message to the running instance of {@code processKey} for the business key that
     * waits for it (e.g. the hand-over step ended by a disposal within 24 h, C1). Answers whether one did.
     */
    public boolean correlate(String processKey, String businessKey, String message) {
        return internal.run(() -> {
            boolean delivered = false;
            for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(businessKey).active().list()) {
                if (runtime.createExecutionQuery().processInstanceId(instance.getId())
                        .messageEventSubscriptionName(message).count() > 0) {
                    runtime.createMessageCorrelation(message).processInstanceId(instance.getId()).correlate();
                    delivered = true;
                }
            }
            return delivered;
        });
    }

    /**
     * Moves a deadline in the running instances of {@code processKey} for the item: the variable
     * the timers read, and the due date of the waiting timer jobs of the given boundary events.
     * Answers the number of jobs moved.
     */
    public int moveDeadline(String processKey, String businessKey, String variable, OffsetDateTime due,
                            String... timerActivityIds) {
        Date date = Date.from(due.toInstant());
        return internal.run(() -> {
            int moved = 0;
            for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(businessKey).active().list()) {
                runtime.setVariable(instance.getId(), variable, date);
                for (String activityId : timerActivityIds) {
                    for (var job : management.createJobQuery().processInstanceId(instance.getId()).timers()
                            .activityId(activityId).list()) {
                        management.setJobDuedate(job.getId(), date);
                        moved++;
                    }
                }
            }
            return moved;
        });
    }
}
