package org.fengqiao.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same Flyway migrations, Camunda schema and dispute lifecycle on PostgreSQL (profile
 * {@code postgres}) in a fresh database of the machine's server.
 */
@Tag("postgres")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
class PostgresLifecycleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("fq_lifecycle");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    }

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;

    @Test
    void disputeRunsThroughItsLifecycleOnPostgres() {
        Api api = new Api(mvc, mapper);
        Map<String, Object> body = Map.of("title", "邻里纠纷（PostgreSQL）", "category", "NEIGHBOR", "channel", "PARTY_APPLICATION",
                "centreId", "rz", "amountInvolved", 1200.5, "parties", List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "孙某'; DROP TABLE dispute_case; --"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "周某😀")));
        Api.Response r = api.post("clerk", "/api/disputes", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String id = r.text("id");
        step(api, "triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", "rz-ls-adw-tw", "assignmentMode", "PUSH"), "ASSIGNED_PENDING_ACCEPT");
        step(api, "orgadmin", id, "acceptance", Map.of("accepted", true), "CONSENT_PENDING");
        step(api, "orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        step(api, "orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1"), "IN_MEDIATION");
        step(api, "mediator1", id, "sessions", Map.of("heldAt", TestClock.offsetNow().minusMinutes(5).toString(),
                "minutes", "双方陈述", "rightsNoticeDelivered", true), "IN_MEDIATION");
        step(api, "mediator1", id, "agreement", Map.of("form", "ORAL", "terms", "周某拆除滴水檐"), "PERFORMANCE_MONITORING");
        step(api, "mediator1", id, "performance", Map.of("status", "DONE"), "RETURN_VISIT");
        Api.Response closed = step(api, "visitor", id, "return-visit", Map.of("satisfaction", "BASICALLY_SATISFIED"), "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("SUCCESS_ORAL");
        assertThat(closed.body().path("parties").get(0).path("name").asText()).isEqualTo("孙某'; DROP TABLE dispute_case; --");
        assertThat(closed.body().path("parties").get(1).path("name").asText()).isEqualTo("周某😀");
        assertThat(api.get("orgadmin", "/api/disputes/" + id + "/history").body()).hasSize(9);
    }

    private static Api.Response step(Api api, String user, String id, String action, Map<String, ?> body, String status) {
        Api.Response r = api.post(user, "/api/disputes/" + id + "/" + action, body);
        assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo(status);
        return r;
    }
}
