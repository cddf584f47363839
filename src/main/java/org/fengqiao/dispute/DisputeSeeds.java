package org.fengqiao.dispute;

import java.util.List;
import java.util.Map;

import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.shared.SeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * Loads {@code seeds/demo/disputes.yml}: registers each case and performs its steps through
 * {@link DisputeManagement}, as the named demo users, exactly as the REST facade would.
 */
@Component
@Order(20)
class DisputeSeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DisputeSeeds.class);

    record Step(String user, String action, Map<String, Object> body) {
    }

    record Seed(String sourceRef, String registeredBy, Map<String, Object> body, List<Step> steps) {
    }

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

    @Override
    public void run(ApplicationArguments args) {
        if (!seeds.demo()) {
            return;
        }
        SeedFile file = seeds.read("demo/disputes.yml", SeedFile.class);
        int loaded = 0;
        for (Seed seed : file.disputes()) {
            if (jdbc.sql("select count(*) from dispute_case where source_ref = ?").param(seed.sourceRef())
                    .query(Long.class).single() > 0) {
                continue;
            }
            Map<String, Object> body = new java.util.HashMap<>(seed.body());
            body.put("sourceRef", seed.sourceRef());
            DisputeCommands.Registration registration = seeds.convert(body, DisputeCommands.Registration.class);
            DisputeCase c = disputes.register(registration, organisations.callerOf(seed.registeredBy()));
            for (Step step : seed.steps()) {
                DisputeAction action = DisputeAction.ofPath(step.action())
                        .orElseThrow(() -> new IllegalArgumentException("unknown action " + step.action()));
                Map<String, Object> vars = new java.util.HashMap<>();
                step.body().forEach((k, v) -> vars.put(k, v == null ? null : v.toString()));
                disputes.act(c.id(), action, vars, organisations.callerOf(step.user()));
            }
            loaded++;
        }
        log.info("Demo disputes loaded: {}", loaded);
    }

}
