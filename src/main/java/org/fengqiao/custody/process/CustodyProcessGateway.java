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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.process.InternalEngineCalls;
import org.fengqiao.shared.process.ProcessSteps;
import org.springframework.stereotype.Component;

/**
 * The only class of the custody module that talks to RuntimeService, TaskService and ManagementService. Every call
 * runs with the caller's Camunda authentication, so the listeners know who acts — exactly as when
 * the Tasklist completes the task.
 *
 * <p>Callers name an item by its id, as the REST API does; the gateway translates: an item's instances carry its
 * 财物编号 as business key ({@link CustodyProcesses#businessKeyOf}), and the queries also find an instance started
 * before, keyed by the id ({@link CustodyProcesses#businessKeysOf}). An inventory's and a case's instances keep
 * their id as business key.
 */
@Component
public class CustodyProcessGateway {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final InternalEngineCalls internal;
    private final ManagementService management;
    private final PropertyItems items;
    private final CustodyCards cards;

    CustodyProcessGateway(RuntimeService runtime, TaskService tasks, IdentityService identity,
                          InternalEngineCalls internal, ManagementService management, PropertyItems items,
                          CustodyCards cards) {
        this.cards = cards;
        this.management = management;
        this.items = items;
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
     *
     * @param id the item's id (its instance's business key becomes the item's 财物编号), the inventory's or the case's
     */
    public String start(String processKey, String id, Map<String, Object> variables, Caller caller) {
        String businessKey = CustodyProcesses.businessKeysOf(id, items).get(0);
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

    /**
     * A custody task as the Tasklist shows it: its step, form, process and what it is about — the id of the item
     * (or inventory, or case) its process instance's business key stands for.
     */
    public record TaskRef(String taskId, String taskDefinitionKey, String formId, String processKey, String subjectId) {
    }

    /**
     * The custody task {@code taskId} if the caller may see it (the engine's task authorizations, as
     * in the Tasklist), with its process's key and business key.
     */
    public java.util.Optional<TaskRef> visibleTask(String taskId, Caller caller) {
        return org.fengqiao.shared.process.VisibleTask.find(tasks, runtime, identity, internal, taskId, caller, CustodyProcesses.ALL)
                .map(v -> new TaskRef(v.task().getId(), v.task().getTaskDefinitionKey(), v.formId(), v.processKey(),
                        CustodyProcesses.itemIdOfBusinessKey(v.businessKey(), items)));
    }

    /** Completes the open task {@code taskKey} of the item (inventory, case) {@code id} as the caller. */
    public void complete(String id, String taskKey, Map<String, Object> variables, Caller caller) {
        Task task = openTask(id, taskKey);
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

    /** The open task {@code taskKey} of the item (inventory, case) {@code id}, or null. */
    public Task openTask(String id, String taskKey) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKeyIn(CustodyProcesses.businessKeysOf(id, items).toArray(String[]::new))
                .taskDefinitionKey(taskKey).active().list();
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
     * Delivers a message to the running instance of {@code processKey} for the item {@code id} that
     * waits for it (e.g. the hand-over step ended by a disposal within 24 h, C1). Answers whether one did.
     */
    public boolean correlate(String processKey, String id, String message) {
        return internal.run(() -> {
            boolean delivered = false;
            for (var instance : activeInstances(processKey, id)) {
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
    public int moveDeadline(String processKey, String id, String variable, OffsetDateTime due,
                            String... timerActivityIds) {
        Date date = Date.from(due.toInstant());
        return internal.run(() -> {
            int moved = 0;
            for (var instance : activeInstances(processKey, id)) {
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

    /**
     * The cards ({@link org.fengqiao.shared.process.TaskCardVariables}: 状态, 期限 …) of the item's open tasks, in
     * every process instance of the item (found by its business keys, as every query here), set again from the
     * item as it is now ({@link CustodyCards}): a task copies its card when it is created, so one that stays open
     * while the item changes — a non-interrupting timer fired (the hand-over or the loan is overdue), another
     * process of the item moved its deadline or status — would otherwise show the old status and deadline. The
     * process variables of those tasks' instances get the card too, so a task they create later copies it; the
     * hand-over's and the return inspection's due dates follow the item's deadline.
     * {@code except}: the task being completed (its card goes with it); tasks deleted in this same command (an
     * interrupting timer or message) are left alone. Nothing for an id that is no item's (an inventory, a case).
     */
    void refreshCards(String itemId, String except) {
        if (itemId == null) {
            return;
        }
        var item = items.find(itemId);
        if (item.isEmpty()) {
            return;
        }
        Map<String, Object> processCard = cards.of(item.get());
        Map<String, Object> card = org.fengqiao.shared.process.TaskCardVariables.cardOf(processCard);
        internal.run(() -> {
            java.util.Set<String> instances = new java.util.HashSet<>();
            for (Task task : tasks.createTaskQuery()
                    .processInstanceBusinessKeyIn(CustodyProcesses.businessKeysOf(itemId, items).toArray(String[]::new))
                    .processDefinitionKeyIn(CustodyProcesses.ITEM_PROCESSES.toArray(String[]::new)).list()) {
                // the task's due date is the item's deadline the model reads it from (camunda:dueDate), which
                // a deferral, an extension or a recomputed calendar may have moved
                OffsetDateTime due = switch (task.getTaskDefinitionKey()) {
                    case CustodyProcesses.TASK_HAND_OVER -> item.get().handoverDueAt();
                    case CustodyProcesses.TASK_INSPECT_RETURN -> item.get().plannedReturnAt();
                    default -> null;
                };
                if (!org.fengqiao.shared.process.TaskCardVariables.refresh(tasks, task, except, card,
                        due == null ? null : Date.from(due.toInstant()), null)) {
                    continue;
                }
                if (task.getProcessInstanceId() != null && instances.add(task.getProcessInstanceId())) {
                    runtime.setVariables(task.getProcessInstanceId(), processCard);
                }
            }
            return null;
        });
    }

    /** The active instances of {@code processKey} for the item (inventory, case) {@code id}, under either key. */
    private List<ProcessInstance> activeInstances(String processKey, String id) {
        List<ProcessInstance> found = new java.util.ArrayList<>();
        for (String businessKey : CustodyProcesses.businessKeysOf(id, items)) {
            found.addAll(runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(businessKey).active().list());
        }
        return found;
    }

    /**
     * The engine property (ACT_GE_PROPERTY) saying that this database's running item instances carry the item's
     * 财物编号 as business key; instances started since get it at start.
     */
    public static final String ITEM_NUMBER_KEYS_DONE = "fengqiao.custody-item-number-keys";

    /**
     * Once per database, in one transaction with the property that records it: the running instances of the item
     * processes ({@link CustodyProcesses#ITEM_PROCESSES}) whose business key is an item's id — started before the
     * 财物编号 became the key — get the item's number instead (the engine's {@code setProcessBusinessKey} of the
     * instance, as a start listener sets it; the history follows). Answers how many; 0 when done before.
     */
    public int itemNumbersAsBusinessKeysOnce() {
        return org.fengqiao.shared.process.OncePerDatabase.run(management, ITEM_NUMBER_KEYS_DONE, () -> internal.run(() -> {
            int rekeyed = 0;
            String[] keys = CustodyProcesses.ITEM_PROCESSES.toArray(String[]::new);
            int page = 500;
            for (int first = 0; ; first += page) {
                // the rewrite changes no instance's definition or order: the pages stay put
                List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKeyIn(keys)
                        .orderByProcessInstanceId().asc().listPage(first, page);
                for (ProcessInstance instance : instances) {
                    String businessKey = instance.getBusinessKey();
                    var itemNo = businessKey == null ? java.util.Optional.<String>empty() : items.itemNoOf(businessKey);
                    if (itemNo.isPresent()) {
                        // Camunda 7's RuntimeService has no updateBusinessKey: the engine's own way is the
                        // execution's setProcessBusinessKey (as a start listener does), which also updates the history
                        org.camunda.bpm.engine.impl.context.Context.getCommandContext().getExecutionManager()
                                .findExecutionById(instance.getId()).setProcessBusinessKey(itemNo.get());
                        rekeyed++;
                    }
                }
                if (instances.size() < page) {
                    break;
                }
            }
            org.fengqiao.shared.process.OncePerDatabase.done(management, ITEM_NUMBER_KEYS_DONE);
            return rekeyed;
        }));
    }
}
