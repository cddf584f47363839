package org.fengqiao.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/** Health shows engine, database and job backlog; dispute actions are timed per action and result. */
@FengqiaoTest
class OperationsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired MeterRegistry registry;

    @Test
    void healthReportsEngineDatabaseAndJobBacklog() {
        Api api = new Api(mvc, mapper);
        Api.Response health = api.get("admin", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("components").has("jobBacklog")).as(health.body().toString()).isTrue();
        assertThat(health.body().path("components").has("db")).isTrue();
        assertThat(health.body().path("components").has("processEngine")).isTrue();
        assertThat(health.body().path("components").path("jobBacklog").path("details").has("dueJobs")).isTrue();
        assertThat(registry.find("fengqiao.jobs.failed").gauge()).isNotNull();
        assertThat(registry.find("fengqiao.dispute.overdue").gauge()).isNotNull();
    }

    @Test
    void actionsAreTimedWithTheirResult() {
        Api api = new Api(mvc, mapper);
        Api.Response r = api.post("clerk", "/api/disputes", Map.of("title", "计时测试", "category", "DEBT",
                "channel", "PARTY_APPLICATION", "centreId", "rz", "parties", java.util.List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙"))));
        String id = r.text("id");
        double before = count("triage", "refused");
        assertThat(api.post("triage", "/api/disputes/" + id + "/triage", Map.of("decision", "ACCEPT")).status()).isEqualTo(422);
        assertThat(count("triage", "refused")).isEqualTo(before + 1);
        double applied = count("triage", "applied");
        assertThat(api.post("triage", "/api/disputes/" + id + "/triage", Map.of("decision", "NOT_ACCEPT",
                "reason", "OUT_OF_SCOPE")).status()).isEqualTo(200);
        assertThat(count("triage", "applied")).isEqualTo(applied + 1);
    }

    private double count(String action, String result) {
        var timer = registry.find("fengqiao.dispute.actions").tag("action", action).tag("result", result).timer();
        return timer == null ? 0 : timer.count();
    }
}
