package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fengqiao.calendar.CalendarStatus;
import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 10: the whole dispute lifecycle with "today" placed where its deadlines cross into years
 * whose holiday notice is not entered (PROVISIONAL), and the people's-mediation month of D7
 * counted as the Civil Code counts months.
 */
@FengqiaoTest
class DisputeLifecycleAcrossYearsTest extends DisputeApiTestBase {

    @Autowired DisputeSettings settings;
    @Autowired WorkingCalendar calendar;

    /**
     * One month of people's mediation from the day mediators are assigned (the start day not
     * counted; a rest day moves the end to the next working day). {@code mediationDue} is the law's
     * answer for that day, worked out by hand from the calendar.
     */
    @ParameterizedTest(name = "today {0}")
    @CsvSource({
            // Sunday; 2027-01-20 is a Wednesday of a provisional year
            "2026-12-20T09:30:00+08:00, 2027-01-20",
            // 2028-01-28 is 初三, the last day of the (provisional) Spring Festival 25–28 January:
            // the period ends on Monday 2028-01-31
            "2027-12-28T09:30:00+08:00, 2028-01-31",
            // 2030-01-30 is a Wednesday, days before the provisional Spring Festival
            "2029-12-30T09:30:00+08:00, 2030-01-30",
            // 2035-07-01 is a Sunday: the period ends on Monday 2035-07-02
            "2035-06-01T09:30:00+08:00, 2035-07-02"})
    void aDisputeRunsItsWholeLifecycle(OffsetDateTime today, LocalDate mediationDue) {
        TestClock.runFrom(today);
        String id = f.register(DisputeFixtures.labourDispute()).text("id");
        f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "PUSH", "complexity", "COMPLEX",
                "riskLevel", "LOW", "dueInDays", 45), "ASSIGNED_PENDING_ACCEPT");
        Api.Response pushed = f.get("orgadmin", id);
        // 3 working days to accept: provisional only where they reach a year without a notice
        assertThat(pushed.body().path("provisionalDeadlines")).extracting(JsonNode::asText)
                .isEqualTo(calendar.restsOnProvisional(OffsetDateTime.parse(pushed.text("acceptanceDueAt")))
                        ? List.of("acceptanceDueAt") : List.of());
        f.ok("orgadmin", id, "acceptance", Map.of("accepted", true), "CONSENT_PENDING");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        Api.Response mediating = f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1",
                "mediatorIds", List.of("mediator1", "mediator3"), "selectedBy", "ORG"), "IN_MEDIATION");
        // D7: 45 days asked, the statutory month is shorter and applies
        assertThat(OffsetDateTime.parse(mediating.text("dueAt")).toLocalDate()).isEqualTo(mediationDue);
        assertThat(calendar.find(mediationDue.getYear()).orElseThrow().status()).isEqualTo(CalendarStatus.PROVISIONAL);
        assertThat(mediating.body().path("provisionalDeadlines")).extracting(JsonNode::asText).containsExactly("dueAt");

        f.session("mediator1", id, true);
        Api.Response agreed = f.ok("mediator1", id, "agreement", Map.of("form", "WRITTEN",
                "terms", "公司于十日内一次性支付拖欠工资17万元", "amount", 170000, "signedBy", f.partyNames(id), "sealed", true,
                "signedAt", DisputeFixtures.justNow()), "PERFORMANCE_MONITORING");
        assertThat(agreed.body().path("provisionalDeadlines")).isEmpty();
        f.confirmation(id, DisputeFixtures.justNow());
        f.ok("court", id, "court-decision", Map.of("result", "CONFIRMED_VALID"), "PERFORMANCE_MONITORING");
        f.ok("mediator1", id, "performance", Map.of("status", "DONE", "evidence", "工资已转账"), "RETURN_VISIT");
        f.ok("visitor", id, "return-visit", Map.of("satisfaction", "SATISFIED", "performanceStatus", "DONE",
                "notes", "工资已全部到账"), "CLOSED");
        JsonNode dossier = api.get("orgadmin", "/api/disputes/" + id + "/documents").body();
        for (JsonNode missing : dossier.path("missingForArchive")) {
            f.upload("orgadmin", id, missing.asText());
        }
        Api.Response archived = f.ok("orgadmin", id, "archive",
                Map.of("volumeNo", today.getYear() + "-劳-001", "retentionYears", 10), "ARCHIVED");
        assertThat(archived.text("caseNo")).startsWith("（" + today.getYear() + "）");
        assertThat(archived.body().path("provisionalDeadlines")).isEmpty();
    }

    /** D7 (司法部规定 第33条 一般在一个月内调结): one calendar month, not 30 days; 31 January ends on 28 February. */
    @Test
    void peoplesMediationLastsOneCalendarMonth_D7() {
        assertThat(settings.mediationLimit(MediationType.PEOPLES)).isEqualTo(new TimeLimit(1, DeadlineUnit.MONTHS));
        TestClock.runFrom(OffsetDateTime.parse("2026-01-31T10:00:00+08:00"));
        String id = f.register(DisputeFixtures.labourDispute()).text("id");
        f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE", "complexity", "COMPLEX",
                "riskLevel", "LOW", "dueInDays", 60), "CONSENT_PENDING");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        Api.Response mediating = f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1",
                "mediatorIds", List.of("mediator1"), "selectedBy", "ORG"), "IN_MEDIATION");
        // no 31 February: the month ends on 28 February, a Saturday the 2026 notice makes a working day
        assertThat(OffsetDateTime.parse(mediating.text("dueAt")))
                .isEqualTo(OffsetDateTime.parse("2026-02-28T23:59:59+08:00"));
        assertThat(mediating.body().path("provisionalDeadlines")).isEmpty();
    }
}
