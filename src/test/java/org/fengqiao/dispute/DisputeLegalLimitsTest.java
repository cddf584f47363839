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
import com.fasterxml.jackson.databind.JsonNode;
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
    @Autowired DisputeManagement management;

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
    @DisplayName("D12 + D13: 司法确认 window 30 days from the agreement; the court decides within 15 days of its acceptance (2026-03-17)")
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
        // D13: the review runs from the court's acceptance, here on the day of the filing
        assertThat(filed.body().path("judicialConfirmation").path("reviewDueAt").isNull()).isTrue();
        filed = f.courtAcceptance(id, DisputeFixtures.justNow());
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

    /** A written agreement filed for 司法确认 on MONDAY; answers the case id. */
    private String filedOnMonday() {
        String id = mediatingFromMonday("PEOPLES").text("id");
        f.agreement(id, "WRITTEN");
        f.confirmation(id, DisputeFixtures.justNow());
        return id;
    }

    private static LocalDate day(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).atZoneSameInstant(CST).toLocalDate();
    }

    @Test
    @DisplayName("D13: no acceptance recorded within 3 days of the filing (2026-03-02 → 2026-03-05) → 催办; a late acceptance starts the 15 days (2026-03-06 → Saturday 03-21 → 2026-03-23)")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_CourtAcceptance",
            "processes/dispute/dispute-mediation.bpmn#Timer_CourtAcceptance", "org.fengqiao.dispute.DisputeSettings#courtAcceptanceLimit",
            "org.fengqiao.dispute.DisputeManagement#courtAcceptanceOverdue", "org.fengqiao.dispute.DisputeManagement#courtAcceptance"})
    void acceptanceNotRecordedRaisesSupervision() {
        assertThat(settings.courtAcceptanceLimit()).isEqualTo(TimeLimit.calendarDays(3));
        String id = filedOnMonday();
        String pid = f.get("admin", id).text("processInstanceId");
        LocalDate acceptance = calendar.dueDate(MONDAY.toLocalDate(), 3, DeadlineUnit.CALENDAR_DAYS);
        assertThat(acceptance).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(day(timer(pid, "Timer_CourtAcceptance").getDuedate())).isEqualTo(acceptance);
        assertThat(day(f.get("court", id).body().path("judicialConfirmation").path("acceptanceDueAt").asText())).isEqualTo(acceptance);
        assertThat(f.allowed("court", id)).containsExactly("court-acceptance", "court-decision");

        fire(pid, "Timer_CourtAcceptance");
        assertThat(supervisions.forTarget("DISPUTE", id)).extracting(s -> s.level()).containsExactly(SupervisionLevel.REMINDER);
        assertThat(f.lastEntry("court", id, "court-acceptance-overdue").path("actor").asText()).isEqualTo("system");

        // the court accepts late, on 2026-03-06: the ruling is due 15 days from then
        TestClock.runFrom(OffsetDateTime.of(2026, 3, 6, 9, 0, 0, 0, CST));
        Api.Response accepted = f.courtAcceptance(id, DisputeFixtures.justNow());
        LocalDate review = calendar.dueDate(LocalDate.of(2026, 3, 6), 15, DeadlineUnit.CALENDAR_DAYS);
        assertThat(review).as("15 days end on Saturday 03-21: rolled to the next working day").isEqualTo(LocalDate.of(2026, 3, 23));
        JsonNode confirmation = accepted.body().path("judicialConfirmation");
        assertThat(day(confirmation.path("reviewDueAt").asText())).isEqualTo(review);
        assertThat(confirmation.path("courtCaseNo").asText()).isEqualTo("（2026）鲁1103民特12号");
        assertThat(confirmation.path("acceptanceDueAt").isNull()).isTrue();
        assertThat(day(timer(pid, "Timer_CourtReview").getDuedate())).isEqualTo(review);
        assertThat(f.lastEntry("court", id, "court-acceptance").path("details").path("acceptedInTime").asBoolean()).isFalse();
        assertThat(f.allowed("court", id)).containsExactly("court-extension", "court-decision");
        f.ok("court", id, "court-decision", Map.of("result", "CONFIRMED_VALID"), "PERFORMANCE_MONITORING");
    }

    @Test
    @DisplayName("D13: acceptance recorded in time (2026-03-03) → no 催办 at 3 days; ruling due 2026-03-18; no extension → 督办通知, never a 通报")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#Flow_CourtAccepted",
            "processes/dispute/dispute-mediation.bpmn#Timer_CourtReview", "org.fengqiao.dispute.DisputeSettings#courtReviewLimit",
            "org.fengqiao.dispute.DisputeManagement#courtReviewOverdue", "org.fengqiao.dispute.DisputeDeadlines#courtReviewDueAt"})
    void acceptanceInTimeThenFifteenDaysFromIt() {
        assertThat(settings.courtReviewLimit()).isEqualTo(TimeLimit.calendarDays(15));
        String id = filedOnMonday();
        String pid = f.get("admin", id).text("processInstanceId");
        TestClock.runFrom(MONDAY.plusDays(1));
        f.courtAcceptance(id, DisputeFixtures.justNow());
        assertThat(managementService.createJobQuery().processInstanceId(pid).activityId("Timer_CourtAcceptance").count())
                .as("the acceptance limit's timer is gone with the recorded acceptance").isZero();
        // even if the engine ran it late, the domain raises nothing once the acceptance is recorded
        management.courtAcceptanceOverdue(id);
        assertThat(supervisions.forTarget("DISPUTE", id)).isEmpty();

        LocalDate review = calendar.dueDate(LocalDate.of(2026, 3, 3), 15, DeadlineUnit.CALENDAR_DAYS);
        assertThat(review).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(day(timer(pid, "Timer_CourtReview").getDuedate())).isEqualTo(review);
        assertThat(managementService.createJobQuery().processInstanceId(pid).activityId("Timer_CourtReviewExtended").count())
                .as("25 days only with a recorded extension").isZero();
        fire(pid, "Timer_CourtReview");
        assertThat(supervisions.forTarget("DISPUTE", id)).extracting(s -> s.level()).containsExactly(SupervisionLevel.NOTICE);
        assertThat(f.lastEntry("court", id, "court-review-overdue").path("details").path("level").asText()).isEqualTo("NOTICE");
        management.courtReviewExtendedOverdue(id);
        assertThat(supervisions.forTarget("DISPUTE", id)).extracting(s -> s.level()).doesNotContain(SupervisionLevel.BULLETIN);
        f.ok("court", id, "court-decision", Map.of("result", "WITHDRAWN"), "PERFORMANCE_MONITORING");
    }

    @Test
    @DisplayName("D13: the president's extension (+10 days, once): ruling due 2026-03-18 → 2026-03-30 (+10 = Saturday 03-28, rolled to the next working day), 通报 after it; a second extension → 409")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_CourtDecisionExtended",
            "processes/dispute/dispute-mediation.bpmn#Timer_CourtReviewExtended", "processes/dispute/dispute-mediation.bpmn#Flow_CourtReviewExtended",
            "org.fengqiao.dispute.DisputeSettings#courtReviewExtension", "org.fengqiao.dispute.DisputeManagement#courtExtension",
            "org.fengqiao.dispute.DisputeAction#COURT_EXTENSION"})
    void extensionOnceByTenDays() {
        assertThat(settings.courtReviewExtension()).isEqualTo(TimeLimit.calendarDays(10));
        String id = filedOnMonday();
        String pid = f.get("admin", id).text("processInstanceId");
        // no extension before the court accepted
        Api.Response early = f.act("court", id, "court-extension", Map.of("reason", "案情复杂"));
        assertThat(early.status()).as(early.body().toString()).isEqualTo(409);
        assertThat(early.body().path("detail").asText()).contains("尚未受理").contains("not accepted");
        TestClock.runFrom(MONDAY.plusDays(1));
        f.courtAcceptance(id, DisputeFixtures.justNow());
        TestClock.runFrom(MONDAY.plusDays(10));
        Api.Response missingReason = f.act("court", id, "court-extension", Map.of());
        assertThat(missingReason.status()).isEqualTo(422);
        assertThat(missingReason.body().path("errors")).extracting(e -> e.path("field").asText()).contains("reason");

        Api.Response extended = f.ok("court", id, "court-extension", Map.of("reason", "案情复杂，经院长批准延长十日"),
                "JUDICIAL_CONFIRMATION");
        LocalDate review = LocalDate.of(2026, 3, 18);
        LocalDate longer = calendar.dueDate(review, 10, DeadlineUnit.CALENDAR_DAYS);
        assertThat(longer).isEqualTo(LocalDate.of(2026, 3, 30));
        JsonNode confirmation = extended.body().path("judicialConfirmation");
        assertThat(day(confirmation.path("reviewDueAt").asText())).isEqualTo(review);
        assertThat(day(confirmation.path("extendedReviewDueAt").asText())).isEqualTo(longer);
        assertThat(confirmation.path("extensionReason").asText()).isEqualTo("案情复杂，经院长批准延长十日");
        assertThat(managementService.createJobQuery().processInstanceId(pid).activityId("Timer_CourtReview").count())
                .as("extended before the 15 days ran out: no 督办通知 at 15 days").isZero();
        assertThat(day(timer(pid, "Timer_CourtReviewExtended").getDuedate())).isEqualTo(longer);
        assertThat(f.allowed("court", id)).containsExactly("court-decision");

        Api.Response second = f.act("court", id, "court-extension", Map.of("reason", "再次延长"));
        assertThat(second.status()).as(second.body().toString()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("/problems/illegal-transition");
        assertThat(second.body().path("detail").asText()).contains("不得再次延长").contains("a second extension is not allowed");

        fire(pid, "Timer_CourtReviewExtended");
        assertThat(supervisions.forTarget("DISPUTE", id)).extracting(s -> s.level()).containsExactly(SupervisionLevel.BULLETIN);
        assertThat(f.lastEntry("court", id, "court-review-extended-overdue").path("details").path("level").asText())
                .isEqualTo("BULLETIN");
        // the integrator's message decides the extended step too
        f.ok("court", id, "court-decision", Map.of("result", "CONFIRMED_VALID"), "PERFORMANCE_MONITORING");
        assertThat(f.lastEntry("court", id, "court-decision").path("actor").asText()).isEqualTo("court");
    }

    /** Moves the clock past the timer's due date and executes it. */
    private void fire(String pid, String activityId) {
        Job job = timer(pid, activityId);
        TestClock.travelTo(job.getDuedate().toInstant().plusSeconds(60));
        managementService.executeJob(job.getId());
    }
}
