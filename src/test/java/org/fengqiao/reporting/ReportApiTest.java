package org.fengqiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.fengqiao.dispute.DisputeFigures;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Problems, scoping and the definition of "accepted" of {@code /api/reports/mediation}. */
@FengqiaoTest
class ReportApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired JdbcClient jdbc;
    @Autowired DisputeFigures figures;

    Api api() {
        return new Api(mvc, mapper);
    }

    @Test
    void unauthenticatedCallersGet401() {
        Api.Response r = api().perform(MockMvcRequestBuilders.get("/api/reports/mediation"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(api().perform(MockMvcRequestBuilders.get("/api/reports/custody")).status()).isEqualTo(401);
    }

    @Test
    void malformedDatesAre400AndAnInvertedPeriodIs422() {
        Api.Response bad = api().get("admin", "/api/reports/mediation?from=2020-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("/problems/malformed-request");
        assertThat(api().get("admin", "/api/reports/custody?to=yesterday").status()).isEqualTo(400);
        Api.Response inverted = api().get("admin", "/api/reports/mediation?from=2020-02-01&to=2020-01-31");
        assertThat(inverted.status()).isEqualTo(422);
        assertThat(inverted.problemType()).isEqualTo("/problems/validation-failed");
        assertThat(api().get("custodian", "/api/reports/custody?from=2020-02-01&to=2020-01-31").status())
                .isEqualTo(422);
        assertThat(api().get("admin", "/api/reports/mediation?from=2020-01-31&to=2020-01-31").status())
                .isEqualTo(200);
    }

    @Test
    void aCentreOutsideTheCallersOrganisationsIs404() {
        // orgadmin belongs to 安东卫街道人民调解委员会; 碑廓镇 is another town
        Api.Response other = api().get("orgadmin", "/api/reports/mediation?centreId=rz-ls-bk");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemType()).isEqualTo("/problems/not-found");
        assertThat(api().get("orgadmin", "/api/reports/mediation?centreId=rz-ls").status()).isEqualTo(404);
        assertThat(api().get("admin", "/api/reports/mediation?centreId=no-such-centre").status()).isEqualTo(404);
        assertThat(api().get("orgadmin", "/api/reports/mediation?centreId=rz-ls-adw-tw").status()).isEqualTo(200);
        assertThat(api().get("supervisor", "/api/reports/mediation?centreId=rz-ls-bk").status()).isEqualTo(200);
    }

    @Test
    void aTownCommitteeSeesOnlyTheCasesOfItsSubtree() {
        ReportRows rows = new ReportRows(jdbc, figures);
        OffsetDateTime march = ReportRows.at(2019, 3, 10);
        OffsetDateTime closedAt = ReportRows.at(2019, 3, 20);
        // 安东卫: 3 cases handled by its committee (2 successful), 1 still in triage at the centre
        for (int i = 0; i < 2; i++) {
            rows.insertCase("rz-ls-adw", "rz-ls-adw-tw", "NEIGHBOR", "CLOSED", "SUCCESS_WRITTEN", "PEOPLES",
                    march, closedAt, ReportRows.at(2019, 4, 10));
        }
        rows.insertCase("rz-ls-adw", "rz-ls-adw-tw", "DEBT", "CLOSED", "FAILED", "PEOPLES", march, closedAt, null);
        rows.insertCase("rz-ls-adw", null, "DEBT", "TRIAGE", null, null, march, null, null);
        // 碑廓镇: 5 cases handled by its committee, all successful
        for (int i = 0; i < 5; i++) {
            rows.insertCase("rz-ls-bk", "rz-ls-bk-tw", "LABOR", "ARCHIVED", "SUCCESS_ORAL", "PEOPLES", march,
                    closedAt, ReportRows.at(2019, 3, 15));
        }
        rows.figuresRebuilt();
        String period = "from=2019-03-01&to=2019-03-31";

        JsonNode adw = ok("orgadmin", "/api/reports/mediation?" + period);
        assertThat(adw.path("received").asLong()).isEqualTo(3);
        assertThat(adw.path("closed").asLong()).isEqualTo(3);
        assertThat(adw.path("successful").asLong()).isEqualTo(2);
        assertThat(adw.path("successRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(adw.path("onTimeRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(adw.path("closedWithDueAt").asLong()).isEqualTo(2);
        assertThat(adw.path("satisfactionRate").isNull()).isTrue();
        assertThat(adw.at("/byCategory/LABOR/received").asLong()).isZero();
        assertThat(adw.at("/byCategory/DEBT/received").asLong()).isEqualTo(1);

        // a period not aligned to months reads day rows, month rows and day rows again: the scope holds for all three
        JsonNode unaligned = ok("orgadmin", "/api/reports/mediation?from=2019-02-15&to=2019-04-10");
        assertThat(unaligned.path("received").asLong()).isEqualTo(3);
        assertThat(unaligned.path("closed").asLong()).isEqualTo(3);
        assertThat(ok("orgadmin", "/api/reports/mediation?from=2019-03-05&to=2019-03-25").path("closed").asLong())
                .isEqualTo(3);

        JsonNode bk = ok("orgadmin2", "/api/reports/mediation?" + period);
        assertThat(bk.path("received").asLong()).isEqualTo(5);
        assertThat(bk.path("successRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(bk.path("onTimeRate").decimalValue()).isEqualByComparingTo("0");

        // the county and the city see both towns, the centre's own triage case included
        JsonNode county = ok("supervisor", "/api/reports/mediation?centreId=rz-ls&" + period);
        assertThat(county.path("received").asLong()).isEqualTo(9);
        assertThat(county.path("accepted").asLong()).isEqualTo(8);
        assertThat(ok("admin", "/api/reports/mediation?" + period).path("received").asLong()).isEqualTo(9);
        JsonNode town = ok("admin", "/api/reports/mediation?centreId=rz-ls-adw&" + period);
        assertThat(town.path("received").asLong()).isEqualTo(4);
        assertThat(town.path("centreId").asText()).isEqualTo("rz-ls-adw");
        // by handling organisation and its level: the triage case has none yet
        assertThat(town.at("/byOrganisation/rz-ls-adw-tw/received").asLong()).isEqualTo(3);
        assertThat(town.at("/byOrganisation/rz-ls-adw-tw/successful").asLong()).isEqualTo(2);
        assertThat(town.at("/byOrganisation/UNASSIGNED/received").asLong()).isEqualTo(1);
        assertThat(town.path("byOrganisation").has("rz-ls-bk-tw")).isFalse();
        assertThat(town.at("/byLevel/TOWN/received").asLong()).isEqualTo(3);
        assertThat(town.at("/byLevel/UNASSIGNED/received").asLong()).isEqualTo(1);
        assertThat(town.at("/byLevel/COUNTY/received").asLong()).isZero();
        assertThat(county.at("/byLevel/TOWN/closed").asLong()).isEqualTo(8);
        // a custody officer belongs to no mediation organisation: nothing to count
        assertThat(ok("officer1", "/api/reports/mediation?" + period).path("received").asLong()).isZero();
    }

    /**
     * The report counts "accepted" by {@code mediation_type is not null}: the triage ACCEPT decision
     * sets it and nothing clears it. Checked here against the history of every case the real flow
     * wrote (the demo seeds and the tests before this one).
     */
    @Test
    void acceptedMeansTriageOnceSentTheCaseOnToAnOrganisation() {
        String acceptedInHistory = """
                exists (select 1 from dispute_history h where h.case_id = c.id and h.from_status = 'TRIAGE'
                   and h.to_status in ('ASSIGNED_PENDING_ACCEPT', 'CONSENT_PENDING'))""";
        String flowCases = "select count(*) from dispute_case c where exists (select 1 from dispute_history h"
                + " where h.case_id = c.id)";
        assertThat(jdbc.sql(flowCases + " and " + acceptedInHistory).query(Long.class).single())
                .as("the demo seeds accept cases").isPositive();
        assertThat(jdbc.sql(flowCases + " and c.mediation_type is null and " + acceptedInHistory)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql(flowCases + " and c.mediation_type is not null and not " + acceptedInHistory)
                .query(Long.class).single()).isZero();
    }

    private JsonNode ok(String user, String path) {
        Api.Response r = api().get(user, path);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }
}
