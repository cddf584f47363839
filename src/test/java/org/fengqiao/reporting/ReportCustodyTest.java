package org.fengqiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/reports/custody} against a small scenario driven through the custody API: three
 * police items, one waiting for hand-over past its deadline, one on loan past its planned return.
 * Other tests register items today too, so the test compares the report before and after.
 */
@FengqiaoTest
class ReportCustodyTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired JdbcClient jdbc;

    Api api() {
        return new Api(mvc, mapper);
    }

    @Test
    void countsItemsByStatusOverdueHandoversAndLoansAndLedgerEntries() {
        JsonNode before = report("custodian");
        JsonNode ccdiBefore = report("ccdi");
        JsonNode officerBefore = report("officer1");

        Api.Response created = api().post("officer1", "/api/property-cases", Map.of("agencyCaseNo", "统计-" + UUID.randomUUID(),
                "caseName", "统计样例案件", "caseType", "CRIMINAL", "handlingAgencyId", "rz-police",
                "officerIds", List.of("officer1", "officer2")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String caseId = created.text("id");
        Api.Response items = api().post("officer1", "/api/property-cases/" + caseId + "/items", """
                [{"name":"手机","category":"ELECTRONIC_DATA","quantity":1,"unit":"部","measure":"SEIZE","valuation":1000,"evidenceUse":true,"source":"嫌疑人随身"},
                 {"name":"现金","category":"CASH","quantity":1,"unit":"捆","measure":"SEIZE","valuation":5000,"evidenceUse":true,"source":"嫌疑人住处",
                  "sealedBy":["officer1","officer2"],"photoHashes":["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]},
                 {"name":"刀具","category":"GENERAL","quantity":1,"unit":"把","measure":"SEIZE","valuation":10,"evidenceUse":true,"source":"案发现场"}]""");
        assertThat(items.status()).as(items.body().toString()).isEqualTo(201);
        String waiting = items.body().get(0).path("id").asText();
        String late = items.body().get(1).path("id").asText();
        String loaned = items.body().get(2).path("id").asText();

        act("officer1", loaned, "handover", Map.of("centreId", "rz-custody"));
        act("custodian", loaned, "inspection", Map.of("result", "PASS", "zoneId", "zone-ordinary",
                "location", "A-09-01", "condition", "完好"));
        act("officer1", loaned, "loan-request", Map.of("reason", "组织辨认",
                "plannedReturnAt", TestClock.offsetNow().plusDays(3).withNano(0).toString()));
        act("depthead", loaned, "loan-approval", Map.of("approved", true));
        // the deadlines lie ahead; move them into the past as time would
        jdbc.sql("update property_item set handover_due_at = :past where id = :id")
                .param("past", TestClock.offsetNow().minusHours(1)).param("id", late).update();
        jdbc.sql("update property_item set planned_return_at = :past where id = :id")
                .param("past", TestClock.offsetNow().minusHours(1)).param("id", loaned).update();
        long ledger = jdbc.sql("select count(*) from custody_ledger where item_id in (:ids)")
                .param("ids", List.of(waiting, late, loaned)).query(Long.class).single();
        assertThat(ledger).isGreaterThanOrEqualTo(3 + 4);

        JsonNode after = report("custodian");
        assertThat(delta(before, after, "items")).isEqualTo(3);
        assertThat(after.at("/itemsByStatus/PENDING_HANDOVER").asLong()
                - before.at("/itemsByStatus/PENDING_HANDOVER").asLong()).isEqualTo(2);
        assertThat(after.at("/itemsByStatus/ON_LOAN").asLong() - before.at("/itemsByStatus/ON_LOAN").asLong())
                .isEqualTo(1);
        assertThat(delta(before, after, "overdueHandovers")).isEqualTo(1);
        assertThat(delta(before, after, "overdueLoans")).isEqualTo(1);
        assertThat(delta(before, after, "ledgerEntries")).isEqualTo(ledger);
        assertThat(after.path("itemsByStatus").size()).isEqualTo(11);

        // the police officer sees his agency's items; 纪委监委 does not
        JsonNode officerAfter = report("officer1");
        assertThat(delta(officerBefore, officerAfter, "items")).isEqualTo(3);
        assertThat(delta(officerBefore, officerAfter, "ledgerEntries")).isEqualTo(ledger);
        JsonNode ccdiAfter = report("ccdi");
        assertThat(delta(ccdiBefore, ccdiAfter, "items")).isZero();
        assertThat(delta(ccdiBefore, ccdiAfter, "ledgerEntries")).isZero();

        // registered today, so nothing of it lies in an earlier period (other tests of the shared
        // context move the engine clock and register items dated in the future: stop at today)
        java.time.LocalDate today = TestClock.today();
        JsonNode untilYesterday = ok("custodian", "/api/reports/custody?from=2000-01-01&to=" + today.minusDays(1));
        JsonNode untilToday = ok("custodian", "/api/reports/custody?from=2000-01-01&to=" + today);
        assertThat(untilToday.path("items").asLong() - untilYesterday.path("items").asLong())
                .isEqualTo(after.path("items").asLong());
    }

    private JsonNode report(String user) {
        return ok(user, "/api/reports/custody?from=" + TestClock.today()
                + "&to=" + TestClock.today());
    }

    private JsonNode ok(String user, String path) {
        Api.Response r = api().get(user, path);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    private void act(String user, String itemId, String action, Map<String, ?> body) {
        Api.Response r = api().post(user, "/api/property-items/" + itemId + "/" + action, body);
        assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }
}
