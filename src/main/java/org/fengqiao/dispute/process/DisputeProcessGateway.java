package org.fengqiao.dispute.process;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.dispute.DisputeAction;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.process.InternalEngineCalls;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.TaskCardVariables;
import org.springframework.stereotype.Component;

/** The only class of the dispute module that talks to Camunda's RuntimeService, TaskService and ManagementService. */
@Component
public class DisputeProcessGateway {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final DisputeProcessVariables variables;
    private final InternalEngineCalls internal;
    private final ManagementService management;

    /** The model's date timers: the boundary event and the process variable its timeDate reads. */
    public enum Timer {
        ACCEPTANCE("Timer_AcceptanceDeadline", "acceptanceDueAt"),
        MEDIATION_WARNING("Timer_MediationWarning", "mediationWarningAt"),
        MEDIATION("Timer_MediationDeadline", "mediationDueAt"),
        PERFORMANCE("Timer_PerformanceDue", "performanceDueAt"),
        COURT_REVIEW("Timer_CourtReview", "courtReviewDueAt"),
        COURT_ACCEPTANCE("Timer_CourtAcceptance", "courtAcceptanceDueAt"),
        COURT_REVIEW_EXTENDED("Timer_CourtReviewExtended", "courtReviewExtendedDueAt"),
        MATERIALS_RETURN("Timer_MaterialsReturnDue", "materialsReturnDueAt"),
        RISK_REPORT("Timer_RiskReportDue", "riskReportDueAt");

        final String activityId;
        final String variable;

        Timer(String activityId, String variable) {
            this.activityId = activityId;
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    DisputeProcessGateway(RuntimeService runtime, TaskService tasks, IdentityService identity,
                          DisputeProcessVariables variables, InternalEngineCalls internal, ManagementService management) {
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.variables = variables;
        this.internal = internal;
    }

    /** Starts the case's process instance (business key = 案号); returns its id. */
    public String start(DisputeCase c) {
        Map<String, Object> vars = variables.of(c);
        vars.put(DisputeProcess.ROUTE, "");
        STARTING.set(c.id());
        try {
            return runtime.startProcessInstanceByKey(DisputeProcess.KEY, DisputeProcess.businessKeyOf(c), vars).getId();
        } finally {
            STARTING.remove();
        }
    }

    /** Set while {@link #start} starts a registered case's instance: the start listener then registers nothing. */
    static final ThreadLocal<String> STARTING = new ThreadLocal<>();

    /**
     * Completes the user task that stands for {@code action}, as {@code caller}. The engine checks
     * the caller's task authorization (candidate or assignee, granted by Camunda's default task
     * authorizations), exactly as when the Tasklist completes it.
     */
    public void completeStep(DisputeCase c, DisputeAction action, Map<String, Object> submitted, Caller caller) {
        List<String> keys = DisputeProcess.STEPS.get(action);
        Task task = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).active().list().stream()
                .filter(t -> keys.contains(t.getTaskDefinitionKey())).findFirst()
                .orElseThrow(() -> IllegalTransitionException.of(action.path(), c.status()));
        Map<String, Object> vars = new HashMap<>(submitted);
        vars.put(DisputeProcess.ACTION, action.path());
        internal.run(() -> {
            ProcessSteps.dropForeignVariables(runtime, tasks, c.processInstanceId(), DisputeProcess.KEPT);
            return null;
        });
        as(caller, () -> tasks.complete(task.getId(), vars));
    }

    /**
     * The court's decision from an integrator arrives as the message the court liaison's task listens
     * for (a boundary event): it decides and withdraws the task. {@link org.fengqiao.dispute.DisputeAccess} has
     * allowed it; the correlation runs without the engine's check, which would need the court to hold
     * UPDATE_INSTANCE on every dispute process instance.
     */
    public void correlate(DisputeCase c, DisputeAction action, Map<String, Object> submitted, Caller caller) {
        String message = DisputeProcess.MESSAGES.get(action);
        if (message == null) {
            throw new IllegalArgumentException(action + " is not a message of the model");
        }
        Map<String, Object> vars = new HashMap<>(submitted);
        vars.put(DisputeProcess.ACTION, action.path());
        try {
            as(caller, () -> internal.run(() -> runtime.createMessageCorrelation(message)
                    .processInstanceId(c.processInstanceId()).setVariables(vars).correlateWithResult()));
        } catch (MismatchingMessageCorrelationException e) {
            throw IllegalTransitionException.of(action.path(), c.status());
        }
    }

    /** A task of a dispute's process as the Tasklist shows it to a user. */
    public record TaskRef(String taskId, String taskDefinitionKey, String formId, String caseId) {
    }

    /**
     * The dispute task {@code taskId} if the caller may see it (the engine's task authorizations,
     * as in the Tasklist), with the case it belongs to — from the process instance's business key.
     */
    public java.util.Optional<TaskRef> visibleTask(String taskId, Caller caller, java.util.function.Function<String, String> caseIdOfBusinessKey) {
        return org.fengqiao.shared.process.VisibleTask.find(tasks, runtime, identity, internal, taskId, caller, List.of(DisputeProcess.KEY))
                .flatMap(v -> java.util.Optional.ofNullable(caseIdOfBusinessKey.apply(v.businessKey()))
                        .map(caseId -> new TaskRef(v.task().getId(), v.task().getTaskDefinitionKey(), v.formId(), caseId)));
    }

    /** Task definition keys of the case's open steps (for tests and diagnostics). */
    public List<String> openSteps(DisputeCase c) {
        return tasks.createTaskQuery().processInstanceId(c.processInstanceId()).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    private void as(Caller caller, Runnable work) {
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The date the timer's variable holds in the case's process instance (null when none). */
    public OffsetDateTime timerDate(DisputeCase c, Timer timer) {
        Object value = internal.run(() -> running(c.processInstanceId())
                ? runtime.getVariable(c.processInstanceId(), timer.variable) : null);
        return value instanceof Date d ? d.toInstant().atOffset(ZoneOffset.UTC) : null;
    }

    /**
     * Moves a timer to {@code due}: the variable its timeDate reads (so a timer created later, and
     * the Tasklist, see the new date) and the due date of its waiting job, if the instance has one.
     * Answers whether a job was moved.
     */
    public boolean moveTimer(DisputeCase c, Timer timer, OffsetDateTime due) {
        return internal.run(() -> {
            if (!running(c.processInstanceId())) {
                return false;
            }
            runtime.setVariable(c.processInstanceId(), timer.variable, Date.from(due.toInstant()));
            var jobs = management.createJobQuery().processInstanceId(c.processInstanceId()).timers()
                    .activityId(timer.activityId).list();
            jobs.forEach(job -> management.setJobDuedate(job.getId(), Date.from(due.toInstant())));
            return !jobs.isEmpty();
        });
    }

    /**
     * The case changed while its instance waits (a recomputed deadline): the variables the case
     * derives (summary, timers' dates, card) set on its running instance again, and the open tasks'
     * cards and due dates ({@link #refreshCards}).
     */
    public void refresh(DisputeCase c) {
        Map<String, Object> vars = variables.of(c);
        internal.run(() -> {
            if (running(c.processInstanceId())) {
                runtime.setVariables(c.processInstanceId(), vars);
                refreshCards(c.processInstanceId(), vars, null);
            }
            return null;
        });
    }

    /**
     * The cards of the instance's open tasks ({@link TaskCardVariables}: 状态, 期限 …) from the process
     * variables just set, and each task's due date (and follow-up date) from the variable the model
     * reads it from ({@link DisputeProcess#DUE_DATES}): a task copies its card and dates when it is
     * created, so one that stays open while the case changes — a non-interrupting timer fired, a
     * parallel step (the risk report) waits while the mediation is extended or its deadline passes,
     * the calendar moved a deadline — would otherwise show the old status and deadline.
     * {@code except}: the task being completed (its card goes with it). Tasks cancelled in this same
     * command (an interrupting timer or message) are left alone.
     */
    void refreshCards(String processInstanceId, Map<String, Object> processVariables, String except) {
        Map<String, Object> card = TaskCardVariables.cardOf(processVariables);
        internal.run(() -> {
            for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
                TaskCardVariables.refresh(tasks, task, except, card,
                        dateOf(processVariables, DisputeProcess.DUE_DATES.get(task.getTaskDefinitionKey())),
                        dateOf(processVariables, DisputeProcess.FOLLOW_UP_DATES.get(task.getTaskDefinitionKey())));
            }
            return null;
        });
    }

    private static Date dateOf(Map<String, Object> processVariables, String name) {
        return name != null && processVariables.get(name) instanceof Date date ? date : null;
    }

    private boolean running(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
