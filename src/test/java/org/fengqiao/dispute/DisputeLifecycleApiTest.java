package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** The acceptance path: the labour dispute from POST /api/disputes to ARCHIVED, as the demo users. */
@FengqiaoTest
class DisputeLifecycleApiTest extends DisputeApiTestBase {

    @Autowired HistoryService history;

    @Test
    void labourDisputeRunsFromRegistrationToArchive() {
        Api.Response registered = f.register(DisputeFixtures.labourDispute());
        String id = registered.text("id");
        assertThat(registered.location()).endsWith("/api/disputes/" + id);
        assertThat(registered.text("status")).isEqualTo("TRIAGE");
        assertThat(registered.text("caseNo")).matches("（\\d{4}）日矛调字第\\d{4}号");
        JsonNode suggestion = registered.body().path("triageSuggestion");
        assertThat(suggestion.path("mediationType").asText()).isEqualTo("PEOPLES");
        assertThat(suggestion.path("level").asText()).isEqualTo("TOWN");
        assertThat(suggestion.path("orgId").asText()).isEqualTo(DisputeFixtures.ADW_COMMITTEE);
        assertThat(suggestion.path("complexity").asText()).isEqualTo("COMPLEX");
        assertThat(suggestion.path("dueInDays").asInt()).isEqualTo(30);
        assertThat(api.get("triage", "/api/disputes/" + id).body().path("allowedActions"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("triage", "withdrawal", "risk-report");

        f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", suggestion.path("orgId").asText(), "assignmentMode", "PUSH", "complexity", "COMPLEX",
                "riskLevel", "MEDIUM"), "ASSIGNED_PENDING_ACCEPT");
        f.ok("orgadmin", id, "acceptance", Map.of("accepted", true), "CONSENT_PENDING");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        Api.Response mediating = f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1",
                "mediatorIds", List.of("mediator1", "mediator3"), "selectedBy", "ORG"), "IN_MEDIATION");
        assertThat(mediating.text("dueAt")).isNotNull();
        assertThat(api.get("mediator1", "/api/disputes/" + id).body().path("allowedActions"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("recusal", "sessions", "extension", "escalation", "agreement", "termination",
                        "risk-report");

        OffsetDateTime heldAt = TestClock.offsetNow().minusHours(1).withNano(0);
        f.ok("mediator1", id, "sessions", Map.of("heldAt", heldAt.toString(), "place", "安东卫街道调解室",
                "minutes", "双方确认拖欠工资数额为17万元", "rightsNoticeDelivered", true), "IN_MEDIATION");
        Api.Response agreed = f.ok("mediator1", id, "agreement", Map.of("form", "WRITTEN",
                "terms", "公司于2026年12月20日前一次性支付拖欠工资17万元", "amount", 170000, "signedBy", f.partyNames(id), "sealed", true,
                "signedAt", TestClock.offsetNow().minusMinutes(5).withNano(0).toString()), "PERFORMANCE_MONITORING");
        assertThat(agreed.text("agreementEffectiveAt")).isNotNull();
        f.ok("mediator1", id, "judicial-confirmation", Map.of("court", "日照市岚山区人民法院",
                "filedAt", TestClock.offsetNow().withNano(0).toString(), "applicants", f.partyNames(id)), "JUDICIAL_CONFIRMATION");
        f.ok("court", id, "court-decision", Map.of("result", "CONFIRMED_VALID"), "PERFORMANCE_MONITORING");
        f.ok("mediator1", id, "performance", Map.of("status", "PARTIAL", "evidence", "已支付10万元"), "PERFORMANCE_MONITORING");
        f.ok("mediator1", id, "performance", Map.of("status", "DONE", "evidence", "余款7万元已转账"), "RETURN_VISIT");
        Api.Response closed = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "SATISFIED",
                "performanceStatus", "DONE", "notes", "工资已全部到账"), "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("SUCCESS_WRITTEN");

        // D19: archive needs the mandatory dossier documents
        Api.Response refused = f.act("orgadmin", id, "archive", Map.of("volumeNo", "2026-劳-001", "retentionYears", 10));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/validation-failed");
        JsonNode dossier = api.get("orgadmin", "/api/disputes/" + id + "/documents").body();
        assertThat(dossier.path("missingForArchive")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("IDENTITY_PROOF", "BACK_COVER", "RIGHTS_NOTICE");
        for (JsonNode missing : dossier.path("missingForArchive")) {
            f.upload("orgadmin", id, missing.asText());
        }
        Api.Response archived = f.ok("orgadmin", id, "archive", Map.of("volumeNo", "2026-劳-001", "retentionYears", 10), "ARCHIVED");
        assertThat(archived.body().path("allowedActions")).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(archived.text("processInstanceId"))
                .finished().count()).isEqualTo(1);

        JsonNode timeline = api.get("orgadmin", "/api/disputes/" + id + "/history").body();
        assertThat(timeline).extracting(h -> h.path("action").asText()).containsSubsequence("register", "triage",
                "acceptance", "consent", "mediators", "sessions", "agreement", "judicial-confirmation", "court-decision",
                "performance", "performance", "return-visit", "archive");
        assertThat(timeline.get(1).path("actor").asText()).isEqualTo("triage");
        assertThat(timeline.get(1).path("fromStatus").asText()).isEqualTo("TRIAGE");
        assertThat(timeline.get(1).path("toStatus").asText()).isEqualTo("ASSIGNED_PENDING_ACCEPT");
    }
}
