package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statutory time limits of the dispute side, pinned: each test asserts the law's number as
 * configured AND the date the working-day calendar computes from it on a fixed day, so that a
 * configuration drifting from the law (委派 30 → 60 days, court review 15 → 25, people's mediation
 * one month → 60 days) fails here.
 */
@FengqiaoTest
class DisputeLegalLimitsTest extends DisputeApiTestBase {

    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    /** A Monday in an officially noticed year, so the expected dates do not depend on the suite's day. */
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, CST);

    @Autowired DisputeSettings settings;
    @Autowired WorkingCalendar calendar;
    @Autowired ManagementService managementService;
    @Autowired SupervisionRecords supervisions;

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private Job timer(String pid, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pid).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private static LocalDate day(java.util.Date date) {
        return OffsetDateTime.ofInstant(date.toInstant(), CST).toLocalDate();
    }

    /** Triage (a practice limit of 60 days asked for, more than any statutory one), consent and mediators on MONDAY. */
    private Api.Response mediatingFromMonday(String mediationType) {
        TestClock.runFrom(MONDAY);
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", mediationType, "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE", "dueInDays", 60), "CONSENT_PENDING");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        return f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1", "selectedBy", "ORG"),
                "IN_MEDIATION");
    }

    @Test
    @DisplayName("D7: people's mediation is concluded within one calendar month (司法部规定 第33条): 2026-03-02 → 2026-04-02")
    @LegalRule(value = "D7", model = {"processes/dispute/dispute-mediation.bpmn#Timer_MediationDeadline",
            "org.fengqiao.dispute.DisputeSettings#mediationLimits", "org.fengqiao.calendar.WorkingCalendar#earlierDeadline"})
    void peoplesMediationOneMonth() {
        assertThat(settings.mediationLimit(MediationType.PEOPLES)).isEqualTo(new TimeLimit(1, DeadlineUnit.MONTHS));
        Api.Response mediating = mediatingFromMonday("PEOPLES");
        LocalDate expected = calendar.dueDate(MONDAY.toLocalDate(), 1, DeadlineUnit.MONTHS);
        assertThat(expected).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(mediating.text("dueDate")).isEqualTo("2026-04-02");
        assertThat(day(timer(mediating.text("processInstanceId"), "Timer_MediationDeadline").getDuedate()))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("D8: 委派 (pre-filing, court-referred) mediation within 30 days (特邀调解规定 第27条): 2026-03-02 → 2026-04-01")
    @LegalRule(value = "D8", model = {"processes/dispute/dispute-mediation.bpmn#Timer_MediationDeadline",
            "org.fengqiao.dispute.MediationType#COURT_REFERRED_PRE_FILING", "org.fengqiao.dispute.DisputeSettings#mediationLimits"})
    void courtReferredThirtyDays() {
        assertThat(settings.mediationLimit(MediationType.COURT_REFERRED_PRE_FILING)).isEqualTo(TimeLimit.calendarDays(30));
        Api.Response mediating = mediatingFromMonday("COURT_REFERRED_PRE_FILING");
        assertThat(mediating.body().path("timeLimitDays").asInt()).isEqualTo(30);
        LocalDate expected = calendar.dueDate(MONDAY.toLocalDate(), 30, DeadlineUnit.CALENDAR_DAYS);
        assertThat(expected).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(mediating.text("dueDate")).isEqualTo("2026-04-01");
        assertThat(day(timer(mediating.text("processInstanceId"), "Timer_MediationDeadline").getDuedate()))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("D8: 委托 (entrusted during proceedings) mediation within 15 days (特邀调解规定 第27条): 2026-03-02 → 2026-03-17")
    @LegalRule(value = "D8", model = {"processes/dispute/dispute-mediation.bpmn#Timer_MediationDeadline",
            "org.fengqiao.dispute.MediationType#COURT_ENTRUSTED", "org.fengqiao.dispute.DisputeSettings#mediationLimits"})
    void courtEntrustedFifteenDays() {
        assertThat(settings.mediationLimit(MediationType.COURT_ENTRUSTED)).isEqualTo(TimeLimit.calendarDays(15));
        Api.Response mediating = mediatingFromMonday("COURT_ENTRUSTED");
        assertThat(mediating.body().path("timeLimitDays").asInt()).isEqualTo(15);
        LocalDate expected = calendar.dueDate(MONDAY.toLocalDate(), 15, DeadlineUnit.CALENDAR_DAYS);
        assertThat(expected).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(mediating.text("dueDate")).isEqualTo("2026-03-17");
        assertThat(day(timer(mediating.text("processInstanceId"), "Timer_MediationDeadline").getDuedate()))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("D12 + D13: 司法确认 window 30 days from the agreement; the court decides within 15 days of filing (2026-03-17)")
    @LegalRule(value = "D12", model = {"org.fengqiao.dispute.DisputeSettings#judicialConfirmationWindow",
            "org.fengqiao.dispute.DisputeManagement#judicialConfirmation"})
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#Timer_CourtReview",
            "org.fengqiao.dispute.DisputeSettings#courtReviewLimit"})
    void confirmationWindowAndCourtReview() {
        assertThat(settings.judicialConfirmationWindow()).isEqualTo(TimeLimit.calendarDays(30));
        assertThat(settings.courtReviewLimit()).isEqualTo(TimeLimit.calendarDays(15));
        String id = mediatingFromMonday("PEOPLES").text("id");
        f.session("mediator1", id, true);
        f.agreement(id, "WRITTEN");
        Api.Response filed = f.confirmation(id, DisputeFixtures.justNow());
        assertThat(filed.text("status")).isEqualTo("JUDICIAL_CONFIRMATION");
        LocalDate expectedReview = calendar.dueDate(MONDAY.toLocalDate(), 15, DeadlineUnit.CALENDAR_DAYS);
        assertThat(expectedReview).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(OffsetDateTime.parse(filed.body().path("judicialConfirmation").path("reviewDueAt").asText())
                .atZoneSameInstant(CST).toLocalDate()).isEqualTo(expectedReview);
        assertThat(day(timer(filed.text("processInstanceId"), "Timer_CourtReview").getDuedate())).isEqualTo(expectedReview);
        // the window: 30 days from the agreement's effect, 2026-04-01; the history records its end
        LocalDate windowEnd = calendar.dueDate(MONDAY.toLocalDate(), 30, DeadlineUnit.CALENDAR_DAYS);
        assertThat(windowEnd).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(OffsetDateTime.parse(f.lastEntry("mediator1", id, "judicial-confirmation").path("details")
                .path("windowEndsAt").asText()).atZoneSameInstant(CST).toLocalDate()).isEqualTo(windowEnd);
    }

    @Test
    @DisplayName("D8: court-referred mediation runs from the signing for the court's materials (委托 15 days from 2026-03-02 → 2026-03-17)")
    @LegalRule(value = "D8", model = {"processes/dispute/forms/dispute-mediators-form.form#Field_dispute_mediators_form_materialsReceivedAt",
            "org.fengqiao.dispute.DisputeManagement#mediators", "org.fengqiao.dispute.MediationType#courtReferred"})
    void courtReferredClockStartsWithTheMaterials() {
        TestClock.runFrom(MONDAY);
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "COURT_ENTRUSTED", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE"), "CONSENT_PENDING");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        // the mediators are recorded three days after the materials were signed for
        TestClock.runFrom(MONDAY.plusDays(3));
        String received = MONDAY.plusHours(5).toString();
        Api.Response future = f.act("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1", "selectedBy", "COURT",
                "materialsReceivedAt", MONDAY.plusDays(4).toString()));
        assertThat(future.status()).as(future.body().toString()).isEqualTo(422);
        assertThat(future.body().path("errors")).extracting(e -> e.path("field").asText()).contains("materialsReceivedAt");
        Api.Response mediating = f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1",
                "selectedBy", "COURT", "materialsReceivedAt", received), "IN_MEDIATION");
        LocalDate expected = calendar.dueDate(MONDAY.toLocalDate(), settings.mediationLimit(MediationType.COURT_ENTRUSTED).amount(),
                DeadlineUnit.CALENDAR_DAYS);
        assertThat(settings.mediationLimit(MediationType.COURT_ENTRUSTED).amount()).isEqualTo(15);
        assertThat(expected).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(mediating.text("dueDate")).isEqualTo("2026-03-17");
        assertThat(day(timer(mediating.text("processInstanceId"), "Timer_MediationDeadline").getDuedate())).isEqualTo(expected);
        assertThat(OffsetDateTime.parse(f.lastEntry("mediator1", id, "mediators").path("details").path("periodStartsAt").asText()))
                .isEqualTo(OffsetDateTime.parse(received));

        // people's mediation has no court materials
        String peoples = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.designate(peoples, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
        f.ok("orgadmin", peoples, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        Api.Response refused = f.act("orgadmin", peoples, "mediators", Map.of("presidingMediatorId", "mediator1",
                "materialsReceivedAt", received));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText()).contains("materialsReceivedAt");
    }

    @Test
    @DisplayName("D13: the court accepts within 3 days (催办 2026-03-05) and decides within 15 (督办通知 2026-03-17) + 10 days (通报 2026-03-27)")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#Timer_CourtAcceptance",
            "processes/dispute/dispute-mediation.bpmn#Timer_CourtReview", "processes/dispute/dispute-mediation.bpmn#Timer_CourtReviewExtended",
            "org.fengqiao.dispute.DisputeSettings#courtAcceptanceLimit", "org.fengqiao.dispute.DisputeSettings#courtReviewExtension",
            "org.fengqiao.dispute.DisputeManagement#courtAcceptanceOverdue"}, gaps = {"the court's acceptance and the president's +10-day extension are not recorded as acts: the 3-, 15- and 25-day timers raise 督办 regardless"})
    void courtAcceptanceAndReviewDeadlinesRaiseSupervision() {
        assertThat(settings.courtAcceptanceLimit()).isEqualTo(TimeLimit.calendarDays(3));
        assertThat(settings.courtReviewLimit()).isEqualTo(TimeLimit.calendarDays(15));
        assertThat(settings.courtReviewExtension()).isEqualTo(TimeLimit.calendarDays(10));
        String id = mediatingFromMonday("PEOPLES").text("id");
        f.agreement(id, "WRITTEN");
        String pid = f.confirmation(id, DisputeFixtures.justNow()).text("processInstanceId");
        LocalDate acceptance = calendar.dueDate(MONDAY.toLocalDate(), 3, DeadlineUnit.CALENDAR_DAYS);
        LocalDate review = calendar.dueDate(MONDAY.toLocalDate(), 15, DeadlineUnit.CALENDAR_DAYS);
        LocalDate extended = calendar.dueDate(review, 10, DeadlineUnit.CALENDAR_DAYS);
        assertThat(List.of(acceptance, review, extended))
                .containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 27));
        assertThat(day(timer(pid, "Timer_CourtAcceptance").getDuedate())).isEqualTo(acceptance);
        assertThat(day(timer(pid, "Timer_CourtReview").getDuedate())).isEqualTo(review);
        assertThat(day(timer(pid, "Timer_CourtReviewExtended").getDuedate())).isEqualTo(extended);

        fire(pid, "Timer_CourtAcceptance");
        fire(pid, "Timer_CourtReview");
        fire(pid, "Timer_CourtReviewExtended");
        assertThat(supervisions.forTarget("DISPUTE", id)).extracting(s -> s.level())
                .contains(SupervisionLevel.REMINDER, SupervisionLevel.NOTICE, SupervisionLevel.BULLETIN);
        assertThat(f.lastEntry("mediator1", id, "court-acceptance-overdue").path("actor").asText()).isEqualTo("system");
        assertThat(f.lastEntry("mediator1", id, "court-review-overdue").path("details").path("level").asText()).isEqualTo("NOTICE");
        assertThat(f.lastEntry("mediator1", id, "court-review-extended-overdue").path("details").path("level").asText())
                .isEqualTo("BULLETIN");
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("JUDICIAL_CONFIRMATION");
        f.ok("court", id, "court-decision", Map.of("result", "CONFIRMED_VALID"), "PERFORMANCE_MONITORING");
    }

    /** Moves the clock past the timer's due date and executes it. */
    private void fire(String pid, String activityId) {
        Job job = timer(pid, activityId);
        TestClock.travelTo(job.getDuedate().toInstant().plusSeconds(60));
        managementService.executeJob(job.getId());
    }
}
