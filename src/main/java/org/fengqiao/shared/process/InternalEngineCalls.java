package org.fengqiao.shared.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Engine calls the application makes on a user's behalf after its own rules (the modules'
 * {@code …Access} classes) have already allowed them, e.g. starting a custody process for a loan
 * request or correlating the court's decision. They keep the caller's Camunda authentication (the
 * listeners record who acted) but skip the engine's authorization check for this one command:
 * granting the roles {@code CREATE_INSTANCE} or {@code UPDATE_INSTANCE} on whole process
 * definitions instead would let them start processes in the Tasklist or change any instance
 * through {@code /engine-rest}. Everything a user does in the Tasklist, Cockpit or
 * {@code /engine-rest} stays checked.
 */
@Component
public class InternalEngineCalls {

    private final ProcessEngineConfigurationImpl configuration;

    InternalEngineCalls(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /**
     * Runs {@code work} (service calls of this engine) in one command without authorization checks.
     * Called inside a command (a listener or delegate), it runs in that command's context and leaves
     * its authorization checks as they were: on again only if they were on.
     */
    public <T> T run(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute((CommandContext context) -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return work.get();
            } finally {
                if (checking) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }
}
