package org.fengqiao.appeal;

import org.fengqiao.shared.StartupStep;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Loads {@code seeds/demo/appeals.yml}: reports each appeal and performs its steps through {@link
 * AppealManagement} as the named demo users. To spread the demo over the last months, the engine
 * clock (which the application's Clock follows) is set to each step's day while it runs and reset
 * afterwards; deadlines that have passed since fire their 催办/督办 timers once the job executor runs.
 */
@Component
@Order(25)
class AppealSeeds implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(AppealSeeds.class);

    record Step(int after, String user, String action, Map<String, Object> body) {
    }

    record Seed(int daysAgo, String reportedBy, Map<String, Object> body, List<Step> steps) {
    }

    record SeedFile(List<Seed> appeals) {
    }

    private final AppealManagement appeals;
    private final OrganisationDirectory organisations;
    private final JdbcClient jdbc;
    private final SeedFiles seeds;

    AppealSeeds(AppealManagement appeals, OrganisationDirectory organisations, JdbcClient jdbc, SeedFiles seeds) {
        this.appeals = appeals;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.seeds = seeds;
    }

    @Override
    public void run() {
        if (!seeds.demo()) {
            return;
        }
        SeedFile file = seeds.read("demo/appeals.yml", SeedFile.class);
        Instant today = EngineClock.current();
        int loaded = 0;
        try {
            for (Seed seed : file.appeals()) {
                AppealCommands.Report report = seeds.convert(seed.body(), AppealCommands.Report.class);
                if (jdbc.sql("select count(*) from appeal where grid_id = ? and description = ?")
                        .params(report.gridId(), report.description()).query(Long.class).single() > 0) {
                    continue;
                }
                Instant reportedAt = today.minus(Duration.ofDays(seed.daysAgo()));
                EngineClock.travelTo(reportedAt);
                Appeal a = appeals.report(report, organisations.callerOf(seed.reportedBy()));
                int minute = 0;
                for (Step step : seed.steps()) {
                    EngineClock.travelTo(reportedAt.plus(Duration.ofDays(step.after()))
                            .plus(Duration.ofMinutes(++minute * 10L)));
                    AppealAction action = AppealAction.ofPath(step.action())
                            .orElseThrow(() -> new IllegalArgumentException("unknown action " + step.action()));
                    Map<String, Object> vars = new HashMap<>();
                    if (step.body() != null) {
                        step.body().forEach((k, v) -> vars.put(k, v == null ? null : v.toString()));
                    }
                    appeals.act(a.id(), action, vars, organisations.callerOf(step.user()));
                }
                loaded++;
            }
        } finally {
            EngineClock.restore();
        }
        log.info("Demo appeals loaded: {}", loaded);
    }
}
