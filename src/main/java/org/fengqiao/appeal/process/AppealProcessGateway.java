package org.fengqiao.appeal.process;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.appeal.Appeal;
import org.fengqiao.appeal.AppealAction;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.process.InternalEngineCalls;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.TaskCardVariables;
import org.springframework.stereotype.Component;

/** The only class of the appeal module that talks to Camunda's RuntimeService, TaskService and ManagementService. */
@Component
public class AppealProcessGateway {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final AppealProcessVariables variables;
    private final ManagementService management;
    private final InternalEngineCalls internal;

    /** The model's date timers: the boundary event and the process variable its timeDate reads. */
    public enum Timer {
        HANDLING("Timer_HandlingDue", "dueAt"),
        NOTICE("Timer_NoticeDue", "noticeAt");

        final String activityId;
        final String variable;

        Timer(String activityId, String variable) {
            this.activityId = activityId;
            this.variable = variable;
        }
    }

    AppealProcessGateway(RuntimeService runtime, TaskService tasks, IdentityService identity,
                         AppealProcessVariables variables, ManagementService management, InternalEngineCalls internal) {
        this.management = management;
        this.internal = internal;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.variables = variables;
    }

    /** Starts the appeal's process instance (business key = its ticket number, 诉求编号); returns its id. */
    public String start(Appeal a) {
        Map<String, Object> vars = variables.of(a);
        vars.put(AppealProcess.ROUTE, "");
        STARTING.set(a.id());
        try {
            return runtime.startProcessInstanceByKey(AppealProcess.KEY, AppealProcess.businessKeyOf(a), vars).getId();
        } finally {
            STARTING.remove();
        }
    }

    /** Set while {@link #start} starts a reported appeal's instance: the start listener then reports nothing. */
    static final ThreadLocal<String> STARTING = new ThreadLocal<>();

    /** A task of an appeal's process as the Tasklist shows it to a user. */
    public record TaskRef(String taskId, String taskDefinitionKey, String formId, String appealId) {
    }

    /**
     * The appeal task {@code taskId} if the caller may see it (the engine's task authorizations, as
     * in the Tasklist), with the appeal it belongs to — from the process instance's business key.
     */
    public java.util.Optional<TaskRef> visibleTask(String taskId, Caller caller,
                                                   java.util.function.Function<String, String> appealIdOfBusinessKey) {
        return org.fengqiao.shared.process.VisibleTask.find(tasks, runtime, identity, internal, taskId, caller, List.of(AppealProcess.KEY))
                .flatMap(v -> java.util.Optional.ofNullable(appealIdOfBusinessKey.apply(v.businessKey()))
                        .map(appealId -> new TaskRef(v.task().getId(), v.task().getTaskDefinitionKey(), v.formId(), appealId)));
    }

    /** Completes the user task that stands for {@code action}, as {@code caller}. */
    public void completeStep(Appeal a, AppealAction action, Map<String, Object> submitted, Caller caller) {
        List<String> keys = AppealProcess.STEPS.get(action);
        Task task = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).active().list().stream()
                .filter(t -> keys.contains(t.getTaskDefinitionKey())).findFirst()
                .orElseThrow(() -> IllegalTransitionException.of(action.path(), a.status()));
        Map<String, Object> vars = new HashMap<>(submitted);
        vars.put(AppealProcess.ACTION, action.path());
        // before the caller's authentication is set: the application's own clean-up, not the caller's
        ProcessSteps.dropForeignVariables(runtime, tasks, a.processInstanceId(), AppealProcess.KEPT);
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            tasks.complete(task.getId(), vars);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * The appeal changed while its instance waits in a task (a recomputed deadline): the instance's
     * variables as the appeal is now, and the open tasks' cards ({@link #refreshCards}).
     */
    public void refresh(Appeal a) {
        if (a.processInstanceId() == null) {
            return;
        }
        Map<String, Object> vars = variables.of(a);
        internal.run(() -> {
            if (runtime.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count() == 0) {
                return null;
            }
            runtime.setVariables(a.processInstanceId(), vars);
            refreshCards(a.processInstanceId(), vars, null);
            return null;
        });
    }

    /**
     * The cards of the instance's open tasks ({@link TaskCardVariables}: 期限, 状态 …) from the process
     * variables just set, and the handling task's due date from {@code dueAt}: a task copies its card
     * when it is created, so one that stays open while the appeal changes — the 催办/督办通知 timers are
     * non-interrupting — would otherwise show the old deadline and status. {@code except}: a task being
     * completed (its card goes with it).
     */
    void refreshCards(String processInstanceId, Map<String, Object> processVariables, String except) {
        Map<String, Object> card = TaskCardVariables.cardOf(processVariables);
        Object due = processVariables.get("dueAt");
        internal.run(() -> {
            for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
                TaskCardVariables.refresh(tasks, task, except, card,
                        AppealProcess.TASK_HANDLE.equals(task.getTaskDefinitionKey()) && due instanceof Date date ? date : null,
                        null);
            }
            return null;
        });
    }

    /** Task definition keys of the appeal's open user tasks (for tests and diagnostics). */
    public List<String> openSteps(Appeal a) {
        return tasks.createTaskQuery().processInstanceId(a.processInstanceId()).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    /**
     * Moves a timer to {@code due}: the variable its timeDate reads and the due date of its waiting
     * job, if the instance has one. Answers whether a job was moved.
     */
    public boolean moveTimer(Appeal a, Timer timer, OffsetDateTime due) {
        Date date = Date.from(due.toInstant());
        return internal.run(() -> {
            if (a.processInstanceId() == null
                    || runtime.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count() == 0) {
                return false;
            }
            runtime.setVariable(a.processInstanceId(), timer.variable, date);
            var jobs = management.createJobQuery().processInstanceId(a.processInstanceId()).timers()
                    .activityId(timer.activityId).list();
            jobs.forEach(job -> management.setJobDuedate(job.getId(), date));
            return !jobs.isEmpty();
        });
    }
}
