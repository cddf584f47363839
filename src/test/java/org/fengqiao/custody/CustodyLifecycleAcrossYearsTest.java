package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 10: the custody lifecycle (registration, hand-over, inspection, loan, record-only transfer,
 * disposal) with "today" placed where its deadlines cross into years without a holiday notice,
 * and C7's one-month disposal limit counted as a calendar month.
 */
@FengqiaoTest
class CustodyLifecycleAcrossYearsTest extends CustodyApiSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    CustodyProperties properties;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    /**
     * {@code handoverDue}: 3 days for the procuratorate (the start day not counted, a rest day moves
     * it on); {@code disposalDue}: one month after the request, moved past rest days likewise.
     */
    @ParameterizedTest(name = "today {0}")
    @CsvSource({
            // Sun 2026-12-20 + 3 = Wed 12-23; + 1 month = Wed 2027-01-20 (provisional)
            "2026-12-20T09:30:00+08:00, 2026-12-23, 2027-01-20",
            // Tue 2027-12-28 + 3 = Fri 12-31; + 1 month = Fri 2028-01-28, 初三 of the provisional
            // Spring Festival (25–28 January) → Mon 2028-01-31
            "2027-12-28T09:30:00+08:00, 2027-12-31, 2028-01-31",
            // Sun 2029-12-30 + 3 = Wed 2030-01-02; + 1 month = Wed 2030-01-30
            "2029-12-30T09:30:00+08:00, 2030-01-02, 2030-01-30",
            // Fri 2035-06-01 + 3 = Mon 06-04; + 1 month = Sun 2035-07-01 → Mon 07-02
            "2035-06-01T09:30:00+08:00, 2035-06-04, 2035-07-02"})
    void anItemRunsItsWholeLifecycle(OffsetDateTime today, String handoverDue, String disposalDue) throws Exception {
        TestClock.runFrom(today);
        String caseId = openCase("prosecutor", "rz-procuratorate", List.of("prosecutor", "officer1"));
        List<JsonNode> items = register("prosecutor", caseId, "DOCUMENT", "DOCUMENT");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            assertThat(item.get("status").asText()).isEqualTo("PENDING_HANDOVER");
            assertThat(OffsetDateTime.parse(item.get("handoverDueAt").asText()).toLocalDate()).hasToString(handoverDue);
            assertThat(texts(item.get("provisionalDeadlines")))
                    .isEqualTo(Integer.parseInt(handoverDue.substring(0, 4)) > 2026 ? List.of("handoverDueAt") : List.of());
            String id = item.get("id").asText();
            ids.add(id);
            assertThat(act("prosecutor", id, "handover", "{\"centreId\":\"rz-custody\"}").get("status").asText())
                    .isEqualTo("HANDOVER_INSPECTION");
            JsonNode stored = act("custodian", id, "inspection",
                    "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"B-02-01\",\"condition\":\"完好\"}");
            assertThat(stored.get("status").asText()).isEqualTo("IN_STORAGE");
            assertThat(texts(stored.get("provisionalDeadlines"))).isEmpty();
        }
        // a police item through loan and record-only transfer on the same days
        String policeItem = storedPoliceItem(openPoliceCase(), "DOCUMENT");
        String planned = TestClock.offsetNow().plusDays(5).withNano(0).toString();
        act("officer1", policeItem, "loan-request", "{\"reason\":\"组织辨认\",\"plannedReturnAt\":\"" + planned + "\"}");
        assertThat(act("depthead", policeItem, "loan-approval", "{\"approved\":true}").get("status").asText())
                .isEqualTo("ON_LOAN");
        assertThat(act("custodian", policeItem, "loan-return", "{\"condition\":\"INTACT\"}").get("status").asText())
                .isEqualTo("IN_STORAGE");
        assertThat(act("officer1", policeItem, "transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"RECORD_ONLY\"}")
                .get("controllingAgencyId").asText()).isEqualTo("rz-procuratorate");

        conclude("prosecutor", caseId);
        JsonNode requested = act("prosecutor", ids.get(1), "disposal-request",
                "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"（" + today.getYear() + "）鲁1103刑初1号判决书\"}");
        assertThat(requested.get("status").asText()).isEqualTo("DISPOSAL_REQUESTED");
        assertThat(OffsetDateTime.parse(requested.at("/disposal/dueAt").asText()).toLocalDate()).hasToString(disposalDue);
        assertThat(texts(requested.get("provisionalDeadlines"))).containsExactly("disposal.dueAt");
        getAs("custodian", "/api/custody-ledger/verification")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.valid").value(true));
    }

    /**
     * C7 (最高法解释 第447条: 执行回单 within one month): the disposal limit is one calendar month. The
     * court's 10-day delivery of the judgment is its own step (CustodyProcessTest, C7).
     */
    @Test
    @LegalRule(value = "C7", model = {"processes/custody/property-disposal.bpmn#Timer_ApprovalOverdue", "processes/custody/property-disposal.bpmn#Timer_ExecutionOverdue", "org.fengqiao.custody.CustodyProperties#disposalLimit"})
    void disposalLimitIsOneCalendarMonth_C7() throws Exception {
        assertThat(properties.disposalLimit("DESTROY")).isEqualTo(new TimeLimit(1, DeadlineUnit.MONTHS));
        TestClock.runFrom(OffsetDateTime.parse("2026-01-31T10:00:00+08:00"));
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "DOCUMENT");
        JsonNode requested = act("officer1", id, "disposal-request",
                "{\"disposalType\":\"DESTROY\",\"legalBasisDocNo\":\"日公（刑）没字〔2026〕9号\"}");
        // no 31 February: 28 February, a Saturday the 2026 notice makes a working day
        assertThat(OffsetDateTime.parse(requested.at("/disposal/dueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-02-28T23:59:59+08:00"));
    }

}
