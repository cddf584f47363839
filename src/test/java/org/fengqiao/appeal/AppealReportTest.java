package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * P4 峄城"榴乡诉递" 2020 (domain §9.2) as a fixture in its own date range (2020, long before any other
 * test's data): 民生诉求 52,873 received / 51,802 closed / 98.6% satisfied; 执法诉求 31 / 27 / 100%;
 * 发展诉求 30 / 30 / 100%. Rows are inserted directly (test-only, batched); the report must aggregate them.
 */
@FengqiaoTest
class AppealReportTest {

    private static boolean seeded;

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void once() {
        seeded = false;
    }

    private void seed(String type, int received, int closed, int dissatisfied, int returned) {
        OffsetDateTime base = OffsetDateTime.of(2020, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < received; i++) {
            boolean isClosed = i < closed;
            OffsetDateTime at = base.plusMinutes(i % 400_000);
            String satisfaction = !isClosed ? null : (i < dissatisfied ? "DISSATISFIED" : "SATISFIED");
            rows.add(new Object[] {UUID.randomUUID().toString(), "YC" + type + i, type, "GRID_APP", "YC-G" + (i % 556),
                    "峄城 2020", "NORMAL", "rz", isClosed ? "CLOSED" : "IN_PROGRESS", at.plusDays(7), at,
                    i < returned ? 1 : 0, satisfaction, isClosed ? at.plusDays(3) : null, isClosed ? Boolean.TRUE : null,
                    "fixture", at, at});
        }
        jdbc.batchUpdate("""
                insert into appeal (id, ticket_no, type, channel, grid_id, description, urgency, centre_id, status, due_at,
                    dispatched_at, return_count, satisfaction, closed_at, closed_on_time, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private synchronized void fixture() {
        Long present = jdbc.queryForObject("select count(*) from appeal where created_by = 'fixture'", Long.class);
        if (seeded || present != null && present > 0) {
            return;
        }
        // 51,802 × 98.6% = 51,077 satisfied → 725 dissatisfied
        seed("MINSHENG", 52_873, 51_802, 725, 529);
        seed("ZHIFA", 31, 27, 0, 0);
        seed("FAZHAN", 30, 30, 0, 0);
        seeded = true;
    }

    @Test
    @DisplayName("P4 峄城 2020: 民生 52,873 / 51,802 (97.97%) / 98.6%; 执法 31 / 27 (87.10%) / 100%; 发展 30 / 30 / 100%")
    void yichengFigures() {
        fixture();
        Api api = new Api(mvc, mapper);
        Api.Response r = api.get("supervisor", "/api/reports/appeals?from=2020-01-01&to=2020-12-31");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode body = r.body();
        JsonNode minsheng = body.path("byType").path("MINSHENG");
        assertThat(minsheng.path("received").asLong()).isEqualTo(52_873);
        assertThat(minsheng.path("closed").asLong()).isEqualTo(51_802);
        assertThat(minsheng.path("closureRate").decimalValue()).isEqualByComparingTo("0.9797");
        assertThat(minsheng.path("satisfactionRate").decimalValue()).isEqualByComparingTo("0.9860");
        assertThat(minsheng.path("onTimeRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(minsheng.path("returnRate").decimalValue()).isEqualByComparingTo("0.0100");
        JsonNode zhifa = body.path("byType").path("ZHIFA");
        assertThat(zhifa.path("received").asLong()).isEqualTo(31);
        assertThat(zhifa.path("closed").asLong()).isEqualTo(27);
        assertThat(zhifa.path("closureRate").decimalValue()).isEqualByComparingTo("0.8710");
        assertThat(zhifa.path("satisfactionRate").decimalValue()).isEqualByComparingTo("1");
        JsonNode fazhan = body.path("byType").path("FAZHAN");
        assertThat(fazhan.path("received").asLong()).isEqualTo(30);
        assertThat(fazhan.path("closureRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(fazhan.path("satisfactionRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(body.path("received").asLong()).isEqualTo(52_934);
        assertThat(body.path("closed").asLong()).isEqualTo(51_859);
        assertThat(body.path("byType").path("DISPUTE").path("closureRate").isNull()).as("no denominator → null").isTrue();

        Api.Response zhifaOnly = api.get("supervisor", "/api/reports/appeals?from=2020-01-01&to=2020-12-31&type=ZHIFA");
        assertThat(zhifaOnly.body().path("received").asLong()).isEqualTo(31);
        assertThat(zhifaOnly.body().path("closureRate").decimalValue()).isEqualByComparingTo("0.8710");
    }

    @Test
    @DisplayName("report problems: 403 for a grid worker, 422 when to < from, 400 for a malformed date")
    void problems() {
        Api api = new Api(mvc, mapper);
        assertThat(api.get("grid1", "/api/reports/appeals").status()).isEqualTo(403);
        assertThat(api.get("supervisor", "/api/reports/appeals?from=2020-02-01&to=2020-01-01").status()).isEqualTo(422);
        assertThat(api.get("supervisor", "/api/reports/appeals?from=yesterday").status()).isEqualTo(400);
    }
}
