package org.fengqiao.shared.operations;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Job executor backlog for operations: {@code /actuator/health} component {@code jobBacklog}
 * (DOWN when more due jobs wait than {@code fengqiao.operations.max-job-backlog}, or jobs have
 * failed with no retries left) and the gauges {@code fengqiao.jobs.due} and
 * {@code fengqiao.jobs.failed}. Camunda's own {@code processEngine} and {@code jobExecutor}
 * indicators and Spring's {@code db} indicator complete the picture.
 */
@Component("jobBacklog")
class EngineOperations implements HealthIndicator {

    private final ManagementService management;
    private final long maxBacklog;

    EngineOperations(ManagementService management, MeterRegistry registry,
                     @Value("${fengqiao.operations.max-job-backlog:1000}") long maxBacklog) {
        this.management = management;
        this.maxBacklog = maxBacklog;
        Gauge.builder("fengqiao.jobs.due", this, EngineOperations::dueJobs)
                .description("jobs whose due date has passed and that still have retries").register(registry);
        Gauge.builder("fengqiao.jobs.failed", this, EngineOperations::failedJobs)
                .description("jobs that failed with no retries left (incidents)").register(registry);
    }

    private long dueJobs() {
        return management.createJobQuery().executable().count();
    }

    private long failedJobs() {
        return management.createJobQuery().noRetriesLeft().count();
    }

    @Override
    public Health health() {
        long due = dueJobs();
        long failed = failedJobs();
        Health.Builder builder = due > maxBacklog || failed > 0 ? Health.down() : Health.up();
        return builder.withDetail("dueJobs", due).withDetail("failedJobs", failed)
                .withDetail("maxBacklog", maxBacklog).build();
    }
}
