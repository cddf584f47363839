package org.fengqiao.dispute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Dispute figures for operations: {@code fengqiao.dispute.actions} (timer per action and result)
 * and {@code fengqiao.dispute.overdue} (cases in mediation past their deadline).
 */
@Component
class DisputeMetrics {

    private final MeterRegistry registry;

    DisputeMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        Gauge.builder("fengqiao.dispute.overdue", jdbc, j -> j.sql(
                        "select count(*) from dispute_case where overdue = true and status = 'IN_MEDIATION'")
                        .query(Long.class).single())
                .description("disputes in mediation past their deadline").register(registry);
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void stop(Timer.Sample sample, String action, String result) {
        sample.stop(Timer.builder("fengqiao.dispute.actions").tag("action", action).tag("result", result)
                .description("dispute actions applied through either door").register(registry));
    }
}
