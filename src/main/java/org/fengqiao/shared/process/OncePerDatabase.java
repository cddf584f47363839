package org.fengqiao.shared.process;

import java.time.Instant;
import java.util.function.IntSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work a database needs once (a database carried over from an older version: open tasks to
 * link, instances to rekey), recorded by an engine property (ACT_GE_PROPERTY) set in the same command as
 * the work. Two nodes starting together on such a database may both begin it: the second to commit fails
 * (an optimistic lock on the same rows, or the property's key already inserted). That node then finds
 * the property set by the other and starts normally, instead of failing its start.
 */
public final class OncePerDatabase {

    private static final Logger log = LoggerFactory.getLogger(OncePerDatabase.class);

    private OncePerDatabase() {
    }

    /**
     * Runs {@code work} unless {@code property} says it ran; {@code work} runs in one engine command and
     * calls {@link #done} in it. Answers what {@code work} answered, or 0.
     */
    public static int run(ManagementService management, String property, IntSupplier work) {
        if (management.getProperties().containsKey(property)) {
            return 0;
        }
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            if (management.getProperties().containsKey(property)) {
                log.info("{}: done by another node meanwhile ({})", property, e.getClass().getSimpleName());
                return 0;
            }
            throw e;
        }
    }

    /** Records, inside the work's command, that the work is done. */
    public static void done(ManagementService management, String property) {
        management.setProperty(property, Instant.now().toString());
    }
}
