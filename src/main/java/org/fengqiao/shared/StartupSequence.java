package org.fengqiao.shared;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupStep} in order while the context starts, before the web server (whose
 * lifecycle phase is {@code Integer.MAX_VALUE - 2048}) accepts connections and before the job
 * executor starts (on {@code ApplicationReadyEvent}). The historical demo seeds move the engine
 * clock back; nobody can send a request while they do, and readiness answers 200 only afterwards.
 */
@Component
class StartupSequence implements SmartLifecycle {

    static final int PHASE = Integer.MAX_VALUE - 4096;
    private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

    private final ObjectProvider<StartupStep> steps;
    private volatile boolean running;

    StartupSequence(ObjectProvider<StartupStep> steps) {
        this.steps = steps;
    }

    @Override
    public void start() {
        List<StartupStep> ordered = steps.orderedStream().toList();
        long began = System.nanoTime();
        try {
            for (StartupStep step : ordered) {
                step.run();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("start-up step failed: " + e.getMessage(), e);
        } finally {
            EngineClock.restore();
        }
        running = true;
        log.info("Start-up steps done ({}) in {} ms", ordered.size(), (System.nanoTime() - began) / 1_000_000);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
