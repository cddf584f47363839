package org.fengqiao.dispute;

import org.fengqiao.shared.StartupStep;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.shared.EngineClock;
import org.fengqiao.shared.SeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * Loads {@code seeds/demo/disputes.yml}: registers each case and performs its steps through
 * {@link DisputeManagement}, as the named demo users, exactly as the REST facade would.
 */
@Component
@Order(20)
class DisputeSeeds implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(DisputeSeeds.class);

    /** One action; {@code after}: days after registration (historical seeds only). */
    record Step(Integer after, String user, String action, Map<String, Object> body) {
    }

    /** {@code daysAgo}: registered that many days before start-up, on the engine clock; absent = now. */
    record Seed(Integer daysAgo, String sourceRef, String registeredBy, Map<String, Object> body, List<Step> steps) {
    }

    /** A body value replaced by the step's own time less an hour (a session held just before it was recorded). */
    static final String AN_HOUR_AGO = "${anHourAgo}";

    record SeedFile(List<Seed> disputes) {
    }

    private final DisputeManagement disputes;
    private final OrganisationDirectory organisations;
    private final JdbcClient jdbc;
    private final SeedFiles seeds;

    DisputeSeeds(DisputeManagement disputes, OrganisationDirectory organisations, JdbcClient jdbc, SeedFiles seeds) {
        this.disputes = disputes;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.seeds = seeds;
    }

    /** Historical seeds run on the engine clock moved back (timers and deadlines follow it); the others on today's. */
    private static void moveClock(Instant to) {
        if (to != null) {
            EngineClock.travelTo(to);
        } else {
            EngineClock.restore();
        }
    }

    @Override
    public void run() {
        if (!seeds.demo()) {
            return;
        }
        SeedFile file = seeds.read("demo/disputes.yml", SeedFile.class);
        Instant today = EngineClock.current();
        int loaded = 0;
        try {
            for (Seed seed : file.disputes()) {
                if (jdbc.sql("select count(*) from dispute_case where source_ref = ?").param(seed.sourceRef())
                        .query(Long.class).single() > 0) {
                    continue;
                }
                Instant registeredAt = seed.daysAgo() == null ? null : today.minus(Duration.ofDays(seed.daysAgo()));
                moveClock(registeredAt);
                Map<String, Object> body = new java.util.HashMap<>(seed.body());
                body.put("sourceRef", seed.sourceRef());
                DisputeCommands.Registration registration = seeds.convert(body, DisputeCommands.Registration.class);
                DisputeCase c = disputes.register(registration, organisations.callerOf(seed.registeredBy()));
                int minute = 0;
                for (Step step : seed.steps()) {
                    minute += 10;
                    moveClock(registeredAt == null ? null : registeredAt
                            .plus(Duration.ofDays(step.after() == null ? 0 : step.after())).plus(Duration.ofMinutes(minute)));
                    DisputeAction action = DisputeAction.ofPath(step.action())
                            .orElseThrow(() -> new IllegalArgumentException("unknown action " + step.action()));
                    String anHourAgo = EngineClock.current().minus(Duration.ofHours(1))
                            .atOffset(ZoneOffset.ofHours(8)).toString();
                    Map<String, Object> vars = new java.util.HashMap<>();
                    step.body().forEach((k, v) -> vars.put(k, v == null ? null
                            : AN_HOUR_AGO.equals(v.toString()) ? anHourAgo : v.toString()));
                    disputes.act(c.id(), action, vars, organisations.callerOf(step.user()));
                }
                loaded++;
            }
        } finally {
            EngineClock.restore();
        }
        log.info("Demo disputes loaded: {}", loaded);
    }

}
