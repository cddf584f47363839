package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.support.EngineTimers;
import org.fengqiao.support.TestClock;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The model's timers, fired deterministically: the engine clock (which the application's Clock
 * follows) is moved and the due timer jobs are executed through the ManagementService.
 */
@FengqiaoTest
class DisputeTimersTest extends DisputeApiTestBase {

    private static final ZoneOffset CST = ZoneOffset.ofHours(8);

    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired SupervisionRecords supervisions;

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private static void moveClockTo(OffsetDateTime t) {
        ClockUtil.setCurrentTime(Date.from(t.toInstant()));
    }

    private Job timer(String pid, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pid).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private List<String> openTasks(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }

    @Test
    @DisplayName("PUSH not answered within the acceptance limit (3 working days) → back to TRIAGE + REMINDER 督办")
    void unansweredPushReturnsToTriage() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        Api.Response pushed = f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "PUSH"), "ASSIGNED_PENDING_ACCEPT");
        String pid = pushed.text("processInstanceId");
        OffsetDateTime acceptanceDue = OffsetDateTime.parse(pushed.text("acceptanceDueAt"));
        assertThat(timer(pid, "Timer_AcceptanceDeadline").getDuedate().toInstant()).isEqualTo(acceptanceDue.toInstant());

        // not yet due: nothing fires
        moveClockTo(acceptanceDue.minusHours(1));
        assertThat(EngineTimers.fireDue(managementService, pid)).isZero();
        assertThat(f.get("triage", id).text("status")).isEqualTo("ASSIGNED_PENDING_ACCEPT");

        moveClockTo(acceptanceDue.plusMinutes(1));
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        Api.Response after = f.get("triage", id);
        assertThat(after.text("status")).isEqualTo("TRIAGE");
        assertThat(after.text("orgId")).isNull();
        assertThat(f.allowed("triage", id)).containsExactlyInAnyOrder("triage", "withdrawal", "risk-report");
        assertThat(f.get("orgadmin", id).status()).as("no longer the committee's case").isEqualTo(404);
        assertThat(openTasks(pid)).containsExactly("UserTask_Triage");
        assertThat(supervisions.forTarget("DISPUTE", id)).anySatisfy(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.REMINDER);
            assertThat(s.triggeredBy()).isEqualTo("OVERDUE_TIMER");
        });
        JsonNode timeout = f.lastEntry("triage", id, "acceptance-timeout");
        assertThat(timeout.path("actor").asText()).isEqualTo("system");
        assertThat(timeout.path("fromStatus").asText()).isEqualTo("ASSIGNED_PENDING_ACCEPT");
        assertThat(timeout.path("toStatus").asText()).isEqualTo("TRIAGE");
    }

    @Test
    @DisplayName("D7: the warning timer fires before the mediation deadline → REMINDER 督办, still IN_MEDIATION, not overdue")
    @LegalRule(value = "D7", model = {"processes/dispute/dispute-mediation.bpmn#Timer_MediationWarning", "org.fengqiao.dispute.DisputeSettings#warningBefore"})
    void warningBeforeDeadline() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Api.Response mediating = f.get("mediator1", id);
        String pid = mediating.text("processInstanceId");
        OffsetDateTime dueAt = OffsetDateTime.parse(mediating.text("dueAt"));
        Date warningAt = timer(pid, "Timer_MediationWarning").getDuedate();
        assertThat(warningAt).isBefore(Date.from(dueAt.toInstant()));
        assertThat(timer(pid, "Timer_MediationDeadline").getDuedate().toInstant()).isEqualTo(dueAt.toInstant());

        moveClockTo(OffsetDateTime.ofInstant(warningAt.toInstant(), CST).plusMinutes(1));
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        Api.Response warned = f.get("mediator1", id);
        assertThat(warned.text("status")).isEqualTo("IN_MEDIATION");
        assertThat(warned.body().path("overdue").asBoolean()).isFalse();
        assertThat(OffsetDateTime.parse(warned.text("dueAt"))).isEqualTo(dueAt);
        assertThat(f.allowed("mediator1", id)).containsExactlyInAnyOrder("recusal", "sessions", "extension", "escalation",
                "agreement", "termination", "risk-report");
        assertThat(openTasks(pid)).containsExactly("UserTask_Mediate");
        assertThat(supervisions.forTarget("DISPUTE", id)).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.REMINDER);
            assertThat(s.triggeredBy()).isEqualTo("DEADLINE_WARNING");
        });
        assertThat(f.lastEntry("mediator1", id, "deadline-warning").path("actor").asText()).isEqualTo("system");
        // the work goes on at the moved clock
        assertThat(f.session("mediator1", id, true).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("D7: the deadline timer → overdue, NOTICE 督办, only extension/termination; extension → back in mediation")
    @LegalRule(value = "D7", model = {"processes/dispute/dispute-mediation.bpmn#Timer_MediationDeadline", "processes/dispute/dispute-mediation.bpmn#UserTask_DecideOnExpiry", "org.fengqiao.dispute.DisputeManagement#mediationExpired"})
    void deadlinePassedThenExtended() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Api.Response mediating = f.get("mediator1", id);
        String pid = mediating.text("processInstanceId");
        OffsetDateTime dueAt = OffsetDateTime.parse(mediating.text("dueAt"));

        moveClockTo(dueAt.plusMinutes(1));
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(2); // the warning, then the deadline
        Api.Response overdue = f.get("mediator1", id);
        assertThat(overdue.text("status")).isEqualTo("IN_MEDIATION");
        assertThat(overdue.body().path("overdue").asBoolean()).isTrue();
        assertThat(f.allowed("mediator1", id)).containsExactlyInAnyOrder("extension", "termination", "risk-report");
        assertThat(openTasks(pid)).containsExactly("UserTask_DecideOnExpiry");
        // the decision is due at the passed deadline, so the Tasklist's 已超期 filter lists it
        assertThat(taskService.createTaskQuery().processInstanceId(pid).singleResult().getDueDate().toInstant())
                .isEqualTo(dueAt.toInstant());
        assertThat(supervisions.countForTarget("DISPUTE", id, SupervisionLevel.NOTICE)).isEqualTo(1);
        assertThat(supervisions.forTarget("DISPUTE", id)).anySatisfy(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.NOTICE);
            assertThat(s.triggeredBy()).isEqualTo("OVERDUE_TIMER");
        });
        assertThat(f.lastEntry("mediator1", id, "deadline-expired").path("actor").asText()).isEqualTo("system");
        Api.Response late = f.session("mediator1", id, true);
        assertThat(late.status()).as(late.body().toString()).isEqualTo(409);
        assertThat(late.problemType()).isEqualTo("/problems/illegal-transition");

        Api.Response extended = f.ok("mediator1", id, "extension", Map.of("extraDays", 10, "allPartiesConsent", true,
                "reason", "各方同意延长"), "IN_MEDIATION");
        assertThat(extended.body().path("overdue").asBoolean()).isFalse();
        OffsetDateTime newDue = OffsetDateTime.parse(extended.text("dueAt"));
        assertThat(newDue).isAfter(dueAt);
        assertThat(newDue.toInstant()).isAfter(ClockUtil.getCurrentTime().toInstant());
        assertThat(openTasks(pid)).containsExactly("UserTask_Mediate");
        assertThat(timer(pid, "Timer_MediationDeadline").getDuedate().toInstant()).isEqualTo(newDue.toInstant());
        assertThat(f.allowed("mediator1", id)).containsExactlyInAnyOrder("recusal", "sessions", "extension", "escalation",
                "agreement", "termination", "risk-report");
        assertThat(f.session("mediator1", id, true).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("D7 + §0: a mediation deadline falling in the National Day holiday moves to the next working day 2026-10-08")
    @LegalRule(value = "D7", model = {"processes/dispute/dispute-mediation.bpmn#Timer_MediationDeadline", "org.fengqiao.calendar.WorkingCalendar#deadline"})
    void deadlineInHolidayMovesToNextWorkingDay() {
        moveClockTo(OffsetDateTime.of(2026, 9, 1, 10, 0, 0, 0, CST));
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE", "dueInDays", 30), "CONSENT_PENDING");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        Api.Response mediating = f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1",
                "selectedBy", "ORG"), "IN_MEDIATION");
        assertThat(mediating.body().path("timeLimitDays").asInt()).isEqualTo(30);
        // 2026-09-01 + 30 calendar days = 2026-10-01, 国庆节 (10-01..10-07) → 2026-10-08
        assertThat(mediating.text("dueDate")).isEqualTo("2026-10-08");
        assertThat(OffsetDateTime.parse(mediating.text("dueAt")).atZoneSameInstant(CST).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 10, 8));
        Api.Response calendar = api.get("mediator1", "/api/calendar/due-date?from=2026-09-01&amount=30&unit=CALENDAR_DAYS");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.text("dueDate")).isEqualTo(mediating.text("dueDate"));
        String pid = mediating.text("processInstanceId");
        assertThat(timer(pid, "Timer_MediationDeadline").getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse(mediating.text("dueAt")).toInstant());
        // the warning is 3 working days before, not inside the holiday
        LocalDate warningDay = OffsetDateTime.ofInstant(timer(pid, "Timer_MediationWarning").getDuedate().toInstant(), CST)
                .toLocalDate();
        assertThat(warningDay).isBefore(LocalDate.of(2026, 10, 1));
    }

    @Test
    @DisplayName("D7 + D9: past the deadline the mediator may terminate instead; the parties are told their routes")
    @LegalRule(value = "D7", model = {"processes/dispute/dispute-mediation.bpmn#Flow_ExpiryTerminated"})
    @LegalRule(value = "D9", model = {"processes/dispute/dispute-mediation.bpmn#Flow_ExpiryTerminated", "org.fengqiao.dispute.InformedRoute"})
    void deadlinePassedThenTerminated() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Api.Response mediating = f.get("mediator1", id);
        String pid = mediating.text("processInstanceId");
        moveClockTo(OffsetDateTime.parse(mediating.text("dueAt")).plusMinutes(1));
        EngineTimers.fireDue(managementService, pid);
        assertValidation(f.act("mediator1", id, "termination", Map.of("reason", "期限届满未达成协议")), "routesInformed");
        assertThat(openTasks(pid)).containsExactly("UserTask_DecideOnExpiry");
        f.ok("mediator1", id, "termination", Map.of("reason", "期限届满未达成协议", "routesInformed", List.of("LITIGATION")),
                "TERMINATED_NO_AGREEMENT");
        assertThat(openTasks(pid)).containsExactlyInAnyOrder("UserTask_CloseTerminated", "UserTask_ReturnVisitTerminated");
        // a satisfied visit after a failed mediation closes the case (outcome FAILED) and ends the close task too
        Api.Response closed = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "SATISFIED", "notes", "理解调解结果"),
                "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("FAILED");
        assertThat(openTasks(pid)).containsExactly("UserTask_Archive");
        assertThat(f.allowed("orgadmin", id)).containsExactly("archive");
    }

    @Test
    @DisplayName("D15: the performance deadline timer records a REMINDER 督办 and monitoring continues")
    @LegalRule(value = "D15", model = {"processes/dispute/dispute-mediation.bpmn#Timer_PerformanceDue", "org.fengqiao.dispute.DisputeManagement#performanceOverdue"})
    void performanceDeadlinePassed() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        LocalDate deadline = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CST).toLocalDate().plusDays(10);
        f.rightsNotice("mediator1", id);
        Map<String, Object> agreement = new java.util.HashMap<>(Map.of("form", "WRITTEN", "terms", "十日内支付5000元",
                "performanceDeadline", deadline.toString(), "amount", 5000));
        agreement.putAll(f.signatures(id, DisputeFixtures.justNow()));
        Api.Response agreed = f.ok("mediator1", id, "agreement", agreement, "PERFORMANCE_MONITORING");
        String pid = agreed.text("processInstanceId");
        Date due = timer(pid, "Timer_PerformanceDue").getDuedate();
        assertThat(OffsetDateTime.ofInstant(due.toInstant(), CST).toLocalDate()).isEqualTo(deadline);
        moveClockTo(OffsetDateTime.ofInstant(due.toInstant(), CST).plusMinutes(1));
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("PERFORMANCE_MONITORING");
        assertThat(openTasks(pid)).containsExactly("UserTask_MonitorPerformance");
        assertThat(supervisions.forTarget("DISPUTE", id)).anySatisfy(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.REMINDER);
            assertThat(s.triggeredBy()).isEqualTo("OVERDUE_TIMER");
        });
        assertThat(f.lastEntry("mediator1", id, "performance-overdue").path("actor").asText()).isEqualTo("system");
        f.ok("mediator1", id, "performance", Map.of("status", "DONE", "evidence", "逾期后已支付"), "RETURN_VISIT");
    }

    @Test
    @DisplayName("D13: the court review timer (15 days from the acceptance) records a reminder while the confirmation stays pending")
    @LegalRule(value = "D13", model = {"processes/dispute/dispute-mediation.bpmn#Timer_CourtReview", "org.fengqiao.dispute.DisputeManagement#courtReviewOverdue"})
    void courtReviewOverdue() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.agreement(id, "WRITTEN");
        Api.Response filed = f.confirmation(id, DisputeFixtures.justNow());
        String pid = filed.text("processInstanceId");
        f.courtAcceptance(id, DisputeFixtures.justNow()); // D13: the review runs from the acceptance
        Date due = timer(pid, "Timer_CourtReview").getDuedate();
        moveClockTo(OffsetDateTime.ofInstant(due.toInstant(), CST).plusMinutes(1));
        EngineTimers.fireDue(managementService, pid);
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("JUDICIAL_CONFIRMATION");
        assertThat(f.lastEntry("mediator1", id, "court-review-overdue").path("actor").asText()).isEqualTo("system");
        f.ok("court", id, "court-decision", Map.of("result", "WITHDRAWN"), "PERFORMANCE_MONITORING");
    }

    private static void assertValidation(Api.Response r, String field) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.body().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    }
}
