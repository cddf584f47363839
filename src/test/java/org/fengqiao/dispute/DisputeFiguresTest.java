package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mediation report's read model ({@link DisputeFigures}) follows a case driven through the
 * API, its handling organisation changing on the way (逐级上报 to the county committee), and still
 * equals a recomputation from the case tables afterwards.
 */
@FengqiaoTest
class DisputeFiguresTest extends DisputeApiTestBase {

    @Autowired DisputeFigures figures;

    @Test
    void followsAnEscalatedCaseToItsSatisfiedReturnVisit() {
        JsonNode city = today("admin", "");
        JsonNode county = today("supervisor", "&centreId=rz-ls-rmtj");

        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        JsonNode mid = today("admin", "");
        assertThat(delta(city, mid, "received")).isEqualTo(1);
        assertThat(delta(city, mid, "accepted")).isEqualTo(1);
        assertThat(delta(city, mid, "closed")).isZero();

        f.ok("mediator1", id, "escalation", Map.of("toLevel", "COUNTY", "reason", "涉及多个村居，镇级难以化解"), "TRIAGE");
        f.designate(id, "rz-ls-rmtj", "PEOPLES", "COUNTY");
        f.ok("cntadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        f.ok("cntadmin", id, "mediators", Map.of("presidingMediatorId", "cntmediator", "mediatorIds", List.of("cntmediator"),
                "selectedBy", "ORG"), "IN_MEDIATION");
        // now handled by the county committee: the county's report counts the case received today
        assertThat(delta(county, today("supervisor", "&centreId=rz-ls-rmtj"), "received")).isEqualTo(1);

        f.rightsNotice("cntmediator", id);
        f.ok("cntmediator", id, "agreement", Map.of("form", "ORAL", "terms", "东侧院墙由双方各出一半费用重砌"),
                "PERFORMANCE_MONITORING");
        f.ok("cntmediator", id, "performance", Map.of("status", "DONE", "evidence", "院墙已重砌"), "RETURN_VISIT");
        f.ok("visitor", id, "return-visit", Map.of("satisfaction", "BASICALLY_SATISFIED"), "CLOSED");

        JsonNode after = today("admin", "");
        for (String field : List.of("received", "accepted", "closed", "mediatedClosed", "successful", "closedWithDueAt",
                "closedOnTime", "returnVisits", "satisfiedVisits")) {
            assertThat(delta(city, after, field)).as(field).isEqualTo(1);
        }
        assertThat(delta(county, today("supervisor", "&centreId=rz-ls-rmtj"), "successful")).isEqualTo(1);
        assertThat(figures.differences()).isEmpty();
    }

    private JsonNode today(String user, String scope) {
        LocalDate today = TestClock.today();
        Api.Response r = api.get(user, "/api/reports/mediation?from=" + today + "&to=" + today + scope);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }
}
