package org.fengqiao.shared.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.CallerDirectory;
import org.springframework.stereotype.Component;

/** What every module's task listener needs around a step: who acts, and dropping the submitted fields. */
@Component
public class ProcessSteps {

    private final IdentityService identity;
    private final CallerDirectory directory;

    ProcessSteps(IdentityService identity, CallerDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /**
     * The user the engine says is acting — the Tasklist's login, or the REST caller a gateway set —
     * or null for engine-internal work (timers, tests driving the engine directly).
     */
    public Caller caller() {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return null;
        }
        List<String> groups = auth.getGroupIds();
        if (groups == null || groups.isEmpty()) {
            groups = identity.createGroupQuery().groupMember(auth.getUserId()).list().stream().map(Group::getId).toList();
        }
        return new Caller(auth.getUserId(), Set.copyOf(groups), directory.organisationsOf(auth.getUserId()));
    }

    private static final ThreadLocal<org.fengqiao.shared.DomainException> REFUSAL = new ThreadLocal<>();

    /**
     * Runs a listener's work and remembers a domain refusal it throws, so the engine's own REST
     * doors ({@code /engine-rest}, the Tasklist's API), which only see the engine's wrapping
     * exception, can answer with the refusal's problem (422 with the Chinese reason, 403, 409…)
     * instead of a 500.
     */
    public static void recordingRefusals(Runnable work) {
        try {
            work.run();
        } catch (org.fengqiao.shared.DomainException refusal) {
            REFUSAL.set(refusal);
            throw refusal;
        }
    }

    /** The refusal a listener threw on this thread, if any, without forgetting it. */
    public static org.fengqiao.shared.DomainException peekRefusal() {
        return REFUSAL.get();
    }

    /** The refusal a listener threw on this thread since the last call, and forgets it. */
    public static org.fengqiao.shared.DomainException takeRefusal() {
        org.fengqiao.shared.DomainException refusal = REFUSAL.get();
        REFUSAL.remove();
        return refusal;
    }

    /**
     * Removes the variables of a process instance (its own, its executions' and its tasks' local
     * ones) that the process does not keep: only a user writing variables through the engine's API
     * leaves such names behind, and the next step would refuse them as undeclared. Gateways call
     * this (the services are theirs) before completing a step for the REST facade, so a case whose
     * variables someone tampered with keeps working. A task's card ({@link TaskCardVariables}: 案号,
     * 期限 … under their Chinese names) is the application's own and stays: dropping it emptied the
     * cards of the case's other open tasks at every step completed through the REST facade.
     */
    public static void dropForeignVariables(org.camunda.bpm.engine.RuntimeService runtime,
                                            org.camunda.bpm.engine.TaskService tasks, String processInstanceId,
                                            Set<String> kept) {
        for (org.camunda.bpm.engine.runtime.VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).disableBinaryFetching().disableCustomObjectDeserialization()
                .list()) {
            if (kept.contains(v.getName())
                    || (v.getTaskId() != null && TaskCardVariables.CARD.containsValue(v.getName()))) {
                continue;
            }
            if (v.getTaskId() != null) {
                tasks.removeVariableLocal(v.getTaskId(), v.getName());
            } else {
                runtime.removeVariableLocal(v.getExecutionId(), v.getName());
            }
        }
    }

    /** Form fields and request bodies are not kept as process variables: the domain stored what counts. */
    public static void keepOnly(DelegateExecution execution, Set<String> kept) {
        Set<String> names = new HashSet<>(execution.getVariableNames());
        names.addAll(execution.getProcessInstance().getVariableNames());
        List<String> drop = new ArrayList<>();
        for (String name : names) {
            if (!kept.contains(name)) {
                drop.add(name);
            }
        }
        drop.forEach(execution::removeVariable);
    }
}
