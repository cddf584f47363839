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
