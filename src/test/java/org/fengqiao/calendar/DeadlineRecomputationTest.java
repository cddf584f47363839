package org.fengqiao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.fengqiao.support.EngineTimers;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 10 item 3: entering a year's notice recomputes the open deadlines that rest on it. "Today"
 * is placed at 2032-12-30 so that a dispute's acceptance, mediation period, court review and
 * performance follow-up, a procuratorate's hand-over and release limits, an appeal's handling limit
 * and a 督办's response limit all end in provisional 2033; the notice entered for 2033 makes several
 * of those last days holidays. Everything is driven through the REST API and the real engine.
 * The years entered here (2033, 2037) are used by no other test: the context is shared, and
 * entering a year cannot be undone through the API (a later test that expects such a year to be
 * provisional would fail).
 */
@FengqiaoTest
class DeadlineRecomputationTest {

    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final OffsetDateTime TODAY = OffsetDateTime.parse("2032-12-30T10:00:00+08:00");
    private static final int YEAR = 2033;
    private static final String SOURCE = "国办发明电〔2032〕9号（测试）";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, mapper);
        TestClock.travelTo(TODAY.toInstant());
    }

    @AfterEach
    void restoreClock() {
        TestClock.restore();
    }

    @Test
    @DisplayName("PUT /api/calendar/2033 moves open deadlines, their timers and variables, and notes it in each history; again changes nothing")
    void enteringAYearRecomputesOpenDeadlines() {
        assertThat(api.get("clerk", "/api/calendar/" + YEAR).text("status")).isEqualTo("PROVISIONAL");

        // --- a dispute in mediation: 10 days from the assignment of mediators (the earlier of that and one month)
        String disputeId = disputeInMediation();
        JsonNode dispute = api.get("mediator1", "/api/disputes/" + disputeId).body();
        String disputePid = dispute.path("processInstanceId").asText();
        OffsetDateTime mediationDue = OffsetDateTime.parse(dispute.path("dueAt").asText());
        assertThat(mediationDue.getYear()).isEqualTo(YEAR);
        assertThat(dueDay(mediationDue)).isEqualTo(api.get("clerk", dueDateQuery(TODAY.toLocalDate(), 10, "CALENDAR_DAYS"))
                .text("dueDate"));
        assertThat(timerDue(disputePid, "Timer_MediationDeadline")).isEqualTo(mediationDue.toInstant());

        // --- a dispute pushed to a committee: 3 working days to accept
        String pushedId = registeredDispute();
        Api.Response pushed = api.post("triage", "/api/disputes/" + pushedId + "/triage", Map.of("decision", "ACCEPT",
                "mediationType", "PEOPLES", "level", "TOWN", "orgId", "rz-ls-adw-tw", "assignmentMode", "PUSH"));
        ok(pushed, "ASSIGNED_PENDING_ACCEPT");
        String pushedPid = pushed.text("processInstanceId");
        OffsetDateTime acceptanceDue = OffsetDateTime.parse(pushed.text("acceptanceDueAt"));
        assertThat(acceptanceDue.getYear()).isEqualTo(YEAR);
        assertThat(timerDue(pushedPid, "Timer_AcceptanceDeadline")).isEqualTo(acceptanceDue.toInstant());

        // --- an oral agreement under performance monitoring: checked 30 days after it took effect
        String agreedId = disputeInMediation();
        ok(api.post("mediator1", "/api/disputes/" + agreedId + "/sessions", Map.of("heldAt",
                TestClock.offsetNow().withNano(0).toString(), "place", "调解室", "minutes", "双方陈述意见",
                "rightsNoticeDelivered", true)), "IN_MEDIATION");
        ok(api.post("mediator1", "/api/disputes/" + agreedId + "/agreement", Map.of("form", "ORAL",
                "terms", "吴某清理通道杂物", "amount", 0)), "PERFORMANCE_MONITORING");
        String agreedPid = api.get("mediator1", "/api/disputes/" + agreedId).text("processInstanceId");
        OffsetDateTime performanceDue = variableTime(agreedPid, "performanceDueAt");
        assertThat(performanceDue.getYear()).isEqualTo(YEAR);
        assertThat(timerDue(agreedPid, "Timer_PerformanceDue")).isEqualTo(performanceDue.toInstant());

        // --- a written agreement filed for 司法确认 and accepted: the court decides within 15 days of the acceptance
        String confirmingId = disputeInMediation();
        ok(api.post("mediator1", "/api/disputes/" + confirmingId + "/sessions", Map.of("heldAt",
                TestClock.offsetNow().withNano(0).toString(), "place", "调解室", "minutes", "双方陈述意见",
                "rightsNoticeDelivered", true)), "IN_MEDIATION");
        ok(api.post("mediator1", "/api/disputes/" + confirmingId + "/agreement", Map.of("form", "WRITTEN",
                "terms", "十日内清理通道", "amount", 0, "signedBy", partyNames(confirmingId), "sealed", true,
                "signedAt", TestClock.offsetNow().withNano(0).toString())), "PERFORMANCE_MONITORING");
        ok(api.post("mediator1", "/api/disputes/" + confirmingId + "/judicial-confirmation", Map.of("court",
                "日照市岚山区人民法院", "filedAt", TestClock.offsetNow().withNano(0).toString(),
                "applicants", partyNames(confirmingId))), "JUDICIAL_CONFIRMATION");
        // D13: the court accepts at once; it rules within 15 days of the acceptance
        ok(api.post("court", "/api/disputes/" + confirmingId + "/court-acceptance", Map.of("acceptedAt",
                TestClock.offsetNow().withNano(0).toString(), "courtCaseNo", "（2026）鲁1103民特12号")), "JUDICIAL_CONFIRMATION");
        JsonNode confirming = api.get("mediator1", "/api/disputes/" + confirmingId).body();
        String confirmingPid = confirming.path("processInstanceId").asText();
        OffsetDateTime reviewDue = OffsetDateTime.parse(confirming.at("/judicialConfirmation/reviewDueAt").asText());
        assertThat(reviewDue.getYear()).isEqualTo(YEAR);
        assertThat(timerDue(confirmingPid, "Timer_CourtReview")).isEqualTo(reviewDue.toInstant());

        // --- a procuratorate's item waiting for hand-over: 3 calendar days (C3)
        String itemId = registeredProcuratorateItem();
        JsonNode item = api.get("prosecutor", "/api/property-items/" + itemId).body();
        OffsetDateTime handoverDue = OffsetDateTime.parse(item.path("handoverDueAt").asText());
        assertThat(handoverDue.getYear()).isEqualTo(YEAR);
        String intakePid = runtime.createProcessInstanceQuery().processDefinitionKey("property-intake")
                .processInstanceBusinessKey(item.path("itemNo").asText()).singleResult().getId();
        assertThat(timerDue(intakePid, "Timer_HandoverOverdue")).isEqualTo(handoverDue.toInstant());

        // --- a stored item of the same agency whose release was requested: executed within 3 days (C4)
        String releasedId = storedItemWithReleaseRequested();
        JsonNode released = api.get("prosecutor", "/api/property-items/" + releasedId).body();
        OffsetDateTime disposalDue = OffsetDateTime.parse(released.at("/disposal/dueAt").asText());
        assertThat(disposalDue.getYear()).isEqualTo(YEAR);
        String disposalPid = runtime.createProcessInstanceQuery().processDefinitionKey("property-disposal")
                .processInstanceBusinessKey(released.path("itemNo").asText()).singleResult().getId();
        assertThat(timerDue(disposalPid, "Timer_ApprovalOverdue")).isEqualTo(disposalDue.toInstant());

        // --- an appeal dispatched to a department: 7 days from triage, the 督办通知 5 working days later
        String appealId = dispatchedAppeal();
        JsonNode appeal = api.get("triage", "/api/appeals/" + appealId).body();
        String appealPid = appeal.path("processInstanceId").asText();
        OffsetDateTime appealDue = OffsetDateTime.parse(appeal.path("dueAt").asText());
        assertThat(appealDue.getYear()).isEqualTo(YEAR);
        assertThat(timerDue(appealPid, "Timer_HandlingDue")).isEqualTo(appealDue.toInstant());

        // --- a 督办 on the appeal, to be answered within 3 working days
        Api.Response supervision = api.post("supervisor", "/api/supervisions", Map.of("targetType", "APPEAL",
                "targetId", appealId, "level", "REMINDER", "reason", "群众反映强烈（期限重算）"));
        assertThat(supervision.status()).as(supervision.body().toString()).isEqualTo(201);
        String supervisionId = supervision.text("id");
        OffsetDateTime responseDue = OffsetDateTime.parse(supervision.text("responseDueAt"));
        assertThat(dueDay(responseDue)).isEqualTo(api.get("clerk", dueDateQuery(TODAY.toLocalDate(), 3, "WORKING_DAYS"))
                .text("dueDate"));

        // --- the notice for 2033: the provisional holidays, plus each of those last days
        JsonNode provisional = api.get("clerk", "/api/calendar/" + YEAR).body();
        TreeSet<String> holidays = new TreeSet<>();
        provisional.path("holidays").forEach(d -> holidays.add(d.asText()));
        TreeSet<String> provisionalHolidays = new TreeSet<>(holidays);
        for (OffsetDateTime due : List.of(mediationDue, handoverDue, appealDue, disposalDue, performanceDue, reviewDue)) {
            assertThat(provisionalHolidays).as("a computed last day is a working day").doesNotContain(dueDay(due));
            holidays.add(dueDay(due)); // (the hand-over and the release may end on the same day)
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("source", SOURCE);
        notice.put("holidays", new ArrayList<>(holidays));
        notice.put("makeUpWorkdays", List.of());
        assertThat(putCalendar(notice).status()).isEqualTo(200);
        assertThat(api.get("clerk", "/api/calendar/" + YEAR).text("status")).isEqualTo("OFFICIAL");

        // the dispute: case view, timer job and variable on the day the new calendar gives
        String newMediationDay = api.get("clerk", dueDateQuery(TODAY.toLocalDate(), 10, "CALENDAR_DAYS")).text("dueDate");
        assertThat(newMediationDay).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(mediationDue)), holidays).toString());
        JsonNode disputeAfter = api.get("mediator1", "/api/disputes/" + disputeId).body();
        OffsetDateTime newMediationDue = OffsetDateTime.parse(disputeAfter.path("dueAt").asText());
        assertThat(dueDay(newMediationDue)).isEqualTo(newMediationDay);
        assertThat(newMediationDue.atZoneSameInstant(CST).toLocalTime()).isEqualTo(mediationDue.atZoneSameInstant(CST).toLocalTime());
        assertThat(timerDue(disputePid, "Timer_MediationDeadline")).isEqualTo(newMediationDue.toInstant());
        assertThat(variable(disputePid, "mediationDueAt")).isEqualTo(newMediationDue.toInstant());
        assertThat(timerDue(disputePid, "Timer_MediationWarning")).isEqualTo(variable(disputePid, "mediationWarningAt"));
        // the Tasklist's summary shows the new date (still 暂定: the days of 2032 it counts have no notice)
        assertThat((String) runtime.getVariable(disputePid, "caseSummary")).contains("调解期限：" + newMediationDay + "（暂定）");
        // the mediator's open task: its card (期限), due date and follow-up date (the warning) follow the new deadline
        org.camunda.bpm.engine.task.Task mediate = tasks.createTaskQuery().processInstanceId(disputePid)
                .taskDefinitionKey("UserTask_Mediate").singleResult();
        assertThat(tasks.getVariableLocal(mediate.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(newMediationDue));
        assertThat(tasks.getVariableLocal(mediate.getId(), "状态")).isEqualTo("调解中");
        assertThat(mediate.getDueDate().toInstant()).isEqualTo(newMediationDue.toInstant());
        assertThat(mediate.getFollowUpDate().toInstant()).isEqualTo(variable(disputePid, "mediationWarningAt"));
        JsonNode disputeEntry = single(history("mediator1", "/api/disputes/" + disputeId + "/history"), "dueAt");
        assertThat(disputeEntry.path("actor").asText()).isEqualTo("system");
        assertThat(disputeEntry.path("details").path("oldDueAt").asText()).satisfies(
                old -> assertThat(OffsetDateTime.parse(old).toInstant()).isEqualTo(mediationDue.toInstant()));
        assertThat(OffsetDateTime.parse(disputeEntry.path("details").path("newDueAt").asText()).toInstant())
                .isEqualTo(newMediationDue.toInstant());
        assertThat(disputeEntry.path("details").path("reason").asText()).contains("2033 年节假日安排已录入").contains(SOURCE);

        // the pushed dispute: 3 working days counted again (two of them are now holidays)
        String newAcceptanceDay = api.get("clerk", dueDateQuery(TODAY.toLocalDate(), 3, "WORKING_DAYS")).text("dueDate");
        assertThat(newAcceptanceDay).isNotEqualTo(dueDay(acceptanceDue));
        OffsetDateTime newAcceptanceDue = OffsetDateTime.parse(api.get("triage", "/api/disputes/" + pushedId).text("acceptanceDueAt"));
        assertThat(dueDay(newAcceptanceDue)).isEqualTo(newAcceptanceDay);
        assertThat(timerDue(pushedPid, "Timer_AcceptanceDeadline")).isEqualTo(newAcceptanceDue.toInstant());
        assertThat(variable(pushedPid, "acceptanceDueAt")).isEqualTo(newAcceptanceDue.toInstant());
        org.camunda.bpm.engine.task.Task accept = tasks.createTaskQuery().processInstanceId(pushedPid)
                .taskDefinitionKey("UserTask_AcceptAssignment").singleResult();
        assertThat(tasks.getVariableLocal(accept.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(newAcceptanceDue));
        assertThat(accept.getDueDate().toInstant()).isEqualTo(newAcceptanceDue.toInstant());
        single(history("triage", "/api/disputes/" + pushedId + "/history"), "acceptanceDueAt");

        // the agreed dispute: the follow-up moves past the new holiday
        OffsetDateTime newPerformanceDue = variableTime(agreedPid, "performanceDueAt");
        assertThat(dueDay(newPerformanceDue)).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(performanceDue)), holidays).toString());
        assertThat(timerDue(agreedPid, "Timer_PerformanceDue")).isEqualTo(newPerformanceDue.toInstant());
        org.camunda.bpm.engine.task.Task monitor = tasks.createTaskQuery().processInstanceId(agreedPid)
                .taskDefinitionKey("UserTask_MonitorPerformance").singleResult();
        assertThat(tasks.getVariableLocal(monitor.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(newPerformanceDue));
        assertThat(monitor.getDueDate().toInstant()).isEqualTo(newPerformanceDue.toInstant());
        JsonNode performanceEntry = single(history("mediator1", "/api/disputes/" + agreedId + "/history"), "performanceDueAt");
        assertThat(OffsetDateTime.parse(performanceEntry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(performanceDue.toInstant());

        // the court review: the confirmation record, the timer and its variable
        OffsetDateTime newReviewDue = OffsetDateTime.parse(api.get("mediator1", "/api/disputes/" + confirmingId).body()
                .at("/judicialConfirmation/reviewDueAt").asText());
        assertThat(dueDay(newReviewDue)).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(reviewDue)), holidays).toString());
        assertThat(timerDue(confirmingPid, "Timer_CourtReview")).isEqualTo(newReviewDue.toInstant());
        assertThat(variable(confirmingPid, "courtReviewDueAt")).isEqualTo(newReviewDue.toInstant());
        org.camunda.bpm.engine.task.Task decide = tasks.createTaskQuery().processInstanceId(confirmingPid)
                .taskDefinitionKey("UserTask_CourtDecision").singleResult();
        assertThat(tasks.getVariableLocal(decide.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(newReviewDue));
        assertThat(decide.getDueDate().toInstant()).isEqualTo(newReviewDue.toInstant());
        single(history("mediator1", "/api/disputes/" + confirmingId + "/history"), "reviewDueAt");

        // the item: view, timer and variable; the ledger notes it
        JsonNode itemAfter = api.get("prosecutor", "/api/property-items/" + itemId).body();
        OffsetDateTime newHandoverDue = OffsetDateTime.parse(itemAfter.path("handoverDueAt").asText());
        assertThat(dueDay(newHandoverDue)).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(handoverDue)), holidays).toString())
                .isEqualTo(api.get("clerk", dueDateQuery(TODAY.toLocalDate(), 3, "CALENDAR_DAYS")).text("dueDate"));
        assertThat(itemAfter.path("status").asText()).isEqualTo("PENDING_HANDOVER");
        assertThat(timerDue(intakePid, "Timer_HandoverOverdue")).isEqualTo(newHandoverDue.toInstant());
        assertThat(variable(intakePid, "handoverDueAt")).isEqualTo(newHandoverDue.toInstant());
        // the officer's open hand-over step: its card (期限) and its due date follow the new deadline
        org.camunda.bpm.engine.task.Task handOver = tasks.createTaskQuery().processInstanceId(intakePid).taskDefinitionKey("UserTask_HandOverItem")
                .singleResult();
        assertThat(tasks.getVariableLocal(handOver.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(newHandoverDue));
        assertThat(handOver.getDueDate().toInstant()).isEqualTo(newHandoverDue.toInstant());
        JsonNode itemEntry = single(history("prosecutor", "/api/property-items/" + itemId + "/history"), "handoverDueAt");
        assertThat(OffsetDateTime.parse(itemEntry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(handoverDue.toInstant());
        assertThat(OffsetDateTime.parse(itemEntry.path("details").path("newDueAt").asText()).toInstant())
                .isEqualTo(newHandoverDue.toInstant());
        assertThat(itemEntry.path("details").path("reason").asText()).contains(SOURCE);
        assertThat(api.get("admin", "/api/custody-ledger/verification").body().path("valid").asBoolean())
                .as("the ledger's hash chain stays intact").isTrue();

        // the release: disposal deadline, its timer and variable; the ledger notes it
        JsonNode releasedAfter = api.get("prosecutor", "/api/property-items/" + releasedId).body();
        OffsetDateTime newDisposalDue = OffsetDateTime.parse(releasedAfter.at("/disposal/dueAt").asText());
        assertThat(dueDay(newDisposalDue)).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(disposalDue)), holidays).toString());
        assertThat(timerDue(disposalPid, "Timer_ApprovalOverdue")).isEqualTo(newDisposalDue.toInstant());
        assertThat(variable(disposalPid, "disposalDueAt")).isEqualTo(newDisposalDue.toInstant());
        JsonNode disposalEntry = single(history("prosecutor", "/api/property-items/" + releasedId + "/history"), "disposalDueAt");
        assertThat(OffsetDateTime.parse(disposalEntry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(disposalDue.toInstant());

        // the appeal: due date and the notice after it
        JsonNode appealAfter = api.get("triage", "/api/appeals/" + appealId).body();
        OffsetDateTime newAppealDue = OffsetDateTime.parse(appealAfter.path("dueAt").asText());
        assertThat(dueDay(newAppealDue)).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(appealDue)), holidays).toString());
        assertThat(timerDue(appealPid, "Timer_HandlingDue")).isEqualTo(newAppealDue.toInstant());
        assertThat(variable(appealPid, "dueAt")).isEqualTo(newAppealDue.toInstant());
        String newNoticeDay = api.get("clerk", dueDateQuery(LocalDate.parse(dueDay(newAppealDue)), 5, "WORKING_DAYS")).text("dueDate");
        assertThat(dueDay(variableTime(appealPid, "noticeAt"))).isEqualTo(newNoticeDay);
        assertThat(timerDue(appealPid, "Timer_NoticeDue")).isEqualTo(variable(appealPid, "noticeAt"));
        // the department's open task: its card (期限) and its due date follow the new deadline
        org.camunda.bpm.engine.task.Task handle = tasks.createTaskQuery().processInstanceId(appealPid)
                .taskDefinitionKey("UserTask_Handle").singleResult();
        assertThat(tasks.getVariableLocal(handle.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(newAppealDue));
        assertThat(handle.getDueDate().toInstant()).isEqualTo(newAppealDue.toInstant());
        assertThat((String) runtime.getVariable(appealPid, "appealSummary")).contains("办理期限：" + dueDay(newAppealDue));
        JsonNode appealEntry = single(history("triage", "/api/appeals/" + appealId + "/history"), "dueAt");
        assertThat(OffsetDateTime.parse(appealEntry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(appealDue.toInstant());
        assertThat(appealEntry.path("details").path("reason").asText()).contains(SOURCE);

        // the 督办: its response deadline counted again, noted in the appeal's history
        String newResponseDay = api.get("clerk", dueDateQuery(TODAY.toLocalDate(), 3, "WORKING_DAYS")).text("dueDate");
        assertThat(newResponseDay).isNotEqualTo(dueDay(responseDue));
        OffsetDateTime newResponseDue = OffsetDateTime.parse(
                api.get("supervisor", "/api/supervisions/" + supervisionId).text("responseDueAt"));
        assertThat(dueDay(newResponseDue)).isEqualTo(newResponseDay);
        JsonNode supervisionEntry = single(history("triage", "/api/appeals/" + appealId + "/history"), "supervision.responseDueAt");
        assertThat(supervisionEntry.path("details").path("supervisionId").asText()).isEqualTo(supervisionId);
        assertThat(OffsetDateTime.parse(supervisionEntry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(responseDue.toInstant());
        assertThat(OffsetDateTime.parse(supervisionEntry.path("details").path("newDueAt").asText()).toInstant())
                .isEqualTo(newResponseDue.toInstant());

        // --- the same notice again: the days did not change, nothing moves, no second entry
        int disputeEntries = history("mediator1", "/api/disputes/" + disputeId + "/history").size();
        int itemEntries = history("prosecutor", "/api/property-items/" + itemId + "/history").size();
        int appealEntries = history("triage", "/api/appeals/" + appealId + "/history").size();
        assertThat(putCalendar(notice).status()).isEqualTo(200);
        // and the recomputation itself run once more (as if the year had changed): still nothing
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new CalendarYearChanged(YEAR, CalendarStatus.OFFICIAL, SOURCE)));
        assertThat(history("mediator1", "/api/disputes/" + disputeId + "/history")).hasSize(disputeEntries);
        assertThat(history("prosecutor", "/api/property-items/" + itemId + "/history")).hasSize(itemEntries);
        assertThat(history("triage", "/api/appeals/" + appealId + "/history")).hasSize(appealEntries);
        assertThat(OffsetDateTime.parse(api.get("mediator1", "/api/disputes/" + disputeId).text("dueAt")).toInstant())
                .isEqualTo(newMediationDue.toInstant());
        assertThat(timerDue(disputePid, "Timer_MediationDeadline")).isEqualTo(newMediationDue.toInstant());
        assertThat(timerDue(intakePid, "Timer_HandoverOverdue")).isEqualTo(newHandoverDue.toInstant());
        assertThat(timerDue(appealPid, "Timer_HandlingDue")).isEqualTo(newAppealDue.toInstant());
        assertThat(OffsetDateTime.parse(api.get("supervisor", "/api/supervisions/" + supervisionId).text("responseDueAt"))
                .toInstant()).isEqualTo(newResponseDue.toInstant());
    }

    @Test
    @DisplayName("PUT /api/calendar/2037: an extended mediation and an extended appeal are recomputed along their chains; a passed deadline whose timer fired stays")
    void extendedDeadlinesFollowTheirChainAndPassedOnesStay() {
        int year = 2037;
        // a case whose mediation deadline (in 2037) passes and whose timer fires before the notice is entered
        TestClock.travelTo(OffsetDateTime.parse("2036-12-28T10:00:00+08:00").toInstant());
        String passedId = disputeInMediation();
        JsonNode passed = api.get("mediator1", "/api/disputes/" + passedId).body();
        String passedPid = passed.path("processInstanceId").asText();
        OffsetDateTime passedDue = OffsetDateTime.parse(passed.path("dueAt").asText());
        assertThat(passedDue.getYear()).isEqualTo(year);
        TestClock.travelTo(passedDue.plusMinutes(5).toInstant());
        EngineTimers.fireDue(management, passedPid);
        assertThat(api.get("mediator1", "/api/disputes/" + passedId).body().path("overdue").asBoolean()).isTrue();

        // a case assigned now (2037-01-08) and extended by 2 days before its deadline: 01-19 + 2 = 01-21
        OffsetDateTime assignedAt = TestClock.offsetNow();
        String extendedId = disputeInMediation();
        JsonNode first = api.get("mediator1", "/api/disputes/" + extendedId).body();
        String extendedPid = first.path("processInstanceId").asText();
        OffsetDateTime firstDue = OffsetDateTime.parse(first.path("dueAt").asText());
        ok(api.post("mediator1", "/api/disputes/" + extendedId + "/extension", Map.of("extraDays", 2,
                "allPartiesConsent", true, "reason", "双方同意延长")), "IN_MEDIATION");
        OffsetDateTime extendedDue = OffsetDateTime.parse(api.get("mediator1", "/api/disputes/" + extendedId).text("dueAt"));
        assertThat(extendedDue).isAfter(firstDue);

        // an appeal whose handling limit (7 days from triage) was extended by 2 days
        String appealId = dispatchedAppeal();
        JsonNode appeal = api.get("triage", "/api/appeals/" + appealId).body();
        String appealPid = appeal.path("processInstanceId").asText();
        OffsetDateTime appealFirstDue = OffsetDateTime.parse(appeal.path("dueAt").asText());
        ok(api.post("dept3", "/api/appeals/" + appealId + "/extension", Map.of("extraDays", 2, "reason", "需现场核验")),
                "DISPATCHED");
        ok(api.post("triage", "/api/appeals/" + appealId + "/extension-approval", Map.of("approved", true)), "DISPATCHED");
        OffsetDateTime appealExtendedDue = OffsetDateTime.parse(api.get("triage", "/api/appeals/" + appealId).text("dueAt"));
        assertThat(appealExtendedDue).isAfter(appealFirstDue);

        // the notice makes both the passed last day and the first period's last day holidays
        TreeSet<String> holidays = new TreeSet<>();
        api.get("clerk", "/api/calendar/" + year).body().path("holidays").forEach(d -> holidays.add(d.asText()));
        holidays.add(dueDay(passedDue));
        holidays.add(dueDay(firstDue)); // the first period now ends 01-20, the extension 01-22
        holidays.add(dueDay(appealFirstDue));
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("source", "国办发明电〔2036〕9号（测试）");
        notice.put("holidays", new ArrayList<>(holidays));
        notice.put("makeUpWorkdays", List.of());
        assertThat(putCalendar(year, notice).status()).isEqualTo(200);

        // the passed deadline stays, and nothing is noted
        JsonNode passedAfter = api.get("mediator1", "/api/disputes/" + passedId).body();
        assertThat(OffsetDateTime.parse(passedAfter.path("dueAt").asText()).toInstant()).isEqualTo(passedDue.toInstant());
        assertThat(history("mediator1", "/api/disputes/" + passedId + "/history"))
                .noneMatch(e -> "deadline-recomputed".equals(e.path("action").asText()));

        // the extended one: the first period from the assignment, then 2 days from it
        String newFirstDay = api.get("clerk", dueDateQuery(assignedAt.toLocalDate(), 10, "CALENDAR_DAYS")).text("dueDate");
        assertThat(newFirstDay).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(firstDue)), holidays).toString());
        String newDueDay = api.get("clerk", dueDateQuery(LocalDate.parse(newFirstDay), 2, "CALENDAR_DAYS")).text("dueDate");
        OffsetDateTime newDue = OffsetDateTime.parse(api.get("mediator1", "/api/disputes/" + extendedId).text("dueAt"));
        assertThat(dueDay(newDue)).isEqualTo(newDueDay);
        assertThat(timerDue(extendedPid, "Timer_MediationDeadline")).isEqualTo(newDue.toInstant());
        assertThat(variable(extendedPid, "mediationDueAt")).isEqualTo(newDue.toInstant());
        JsonNode entry = single(history("mediator1", "/api/disputes/" + extendedId + "/history"), "dueAt");
        assertThat(OffsetDateTime.parse(entry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(extendedDue.toInstant());

        // the extended appeal likewise: 7 days from triage, then 2 days from that
        String newAppealFirstDay = api.get("clerk", dueDateQuery(assignedAt.toLocalDate(), 7, "CALENDAR_DAYS")).text("dueDate");
        assertThat(newAppealFirstDay).isEqualTo(nextWorkingDay(LocalDate.parse(dueDay(appealFirstDue)), holidays).toString());
        String newAppealDueDay = api.get("clerk", dueDateQuery(LocalDate.parse(newAppealFirstDay), 2, "CALENDAR_DAYS")).text("dueDate");
        OffsetDateTime newAppealDue = OffsetDateTime.parse(api.get("triage", "/api/appeals/" + appealId).text("dueAt"));
        assertThat(dueDay(newAppealDue)).isEqualTo(newAppealDueDay);
        assertThat(variable(appealPid, "dueAt")).isEqualTo(newAppealDue.toInstant());
        assertThat(timerDue(appealPid, "Timer_HandlingDue")).isEqualTo(newAppealDue.toInstant());
        JsonNode appealEntry = single(history("triage", "/api/appeals/" + appealId + "/history"), "dueAt");
        assertThat(OffsetDateTime.parse(appealEntry.path("details").path("oldDueAt").asText()).toInstant())
                .isEqualTo(appealExtendedDue.toInstant());
    }

    // --- driving the cases through the REST API -----------------------------------------------------

    /** Every party of the case (D10 signatures, D12 joint application). */
    private List<String> partyNames(String id) {
        List<String> names = new java.util.ArrayList<>();
        api.get("admin", "/api/disputes/" + id).body().path("parties").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private String disputeInMediation() {
        String id = registeredDispute();
        ok(api.post("triage", "/api/disputes/" + id + "/triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES",
                "level", "TOWN", "orgId", "rz-ls-adw-tw", "assignmentMode", "DESIGNATE", "complexity", "ORDINARY",
                "riskLevel", "LOW", "dueInDays", 10)), "CONSENT_PENDING");
        ok(api.post("orgadmin", "/api/disputes/" + id + "/consent", Map.of("respondentConsent", "AGREED")), "MEDIATOR_ASSIGNMENT");
        ok(api.post("orgadmin", "/api/disputes/" + id + "/mediators", Map.of("presidingMediatorId", "mediator1",
                "mediatorIds", List.of("mediator1", "mediator3"), "selectedBy", "ORG")), "IN_MEDIATION");
        return id;
    }

    private String registeredDispute() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "邻里通行纠纷（期限重算）");
        body.put("facts", "一方在共用通道堆放杂物。");
        body.put("category", "NEIGHBOR");
        body.put("channel", "PARTY_APPLICATION");
        body.put("centreId", "rz");
        body.put("parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "钱某"),
                Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "吴某")));
        Api.Response registered = api.post("clerk", "/api/disputes", body);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.text("id");
    }

    private String registeredProcuratorateItem() {
        Api.Response opened = api.post("prosecutor", "/api/property-cases", Map.of("agencyCaseNo", "检-重算-" + System.nanoTime(),
                "caseName", "期限重算测试案", "caseType", "CRIMINAL", "handlingAgencyId", "rz-procuratorate",
                "officerIds", List.of("prosecutor", "officer1")));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        Api.Response items = api.post("prosecutor", "/api/property-cases/" + opened.text("id") + "/items",
                List.of(Map.of("name", "账册", "category", "DOCUMENT", "quantity", 1, "unit", "册", "measure", "SEIZE",
                        "valuation", 10, "evidenceUse", true, "description", "扣押账册", "source", "犯罪嫌疑人住所")));
        assertThat(items.status()).as(items.body().toString()).isEqualTo(201);
        return items.body().get(0).path("id").asText();
    }

    /** Registered, handed over, stored, and its release (RELEASE_UNRELATED) requested. */
    private String storedItemWithReleaseRequested() {
        Api.Response opened = api.post("prosecutor", "/api/property-cases", Map.of("agencyCaseNo", "检-重算-" + System.nanoTime(),
                "caseName", "期限重算测试案（发还）", "caseType", "CRIMINAL", "handlingAgencyId", "rz-procuratorate",
                "officerIds", List.of("prosecutor", "officer1")));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        Api.Response items = api.post("prosecutor", "/api/property-cases/" + opened.text("id") + "/items",
                List.of(Map.of("name", "手提包", "category", "GENERAL", "quantity", 1, "unit", "个", "measure", "SEIZE",
                        "valuation", 200, "evidenceUse", false, "description", "与案件无关的手提包", "source", "犯罪嫌疑人")));
        assertThat(items.status()).as(items.body().toString()).isEqualTo(201);
        String id = items.body().get(0).path("id").asText();
        String base = "/api/property-items/" + id + "/";
        ok(api.post("prosecutor", base + "handover", Map.of("centreId", "rz-custody")), "HANDOVER_INSPECTION");
        ok(api.post("custodian", base + "inspection", Map.of("result", "PASS", "zoneId", "zone-ordinary",
                "location", "A-01-02", "condition", "完好")), "IN_STORAGE");
        ok(api.post("prosecutor", base + "disposal-request", Map.of("disposalType", "RELEASE_UNRELATED",
                "legalBasisDocNo", "解除扣押决定书（重算）")), "DISPOSAL_REQUESTED");
        return id;
    }

    private String dispatchedAppeal() {
        Api.Response reported = api.post("grid1", "/api/appeals", Map.of("type", "MINSHENG", "channel", "GRID_APP",
                "gridId", "ADW-G09", "urgency", "NORMAL", "description", "期限重算测试诉求 " + System.nanoTime()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        String id = reported.text("id");
        ok(api.post("triage", "/api/appeals/" + id + "/triage", Map.of("leadDepartmentId", "rz-ls-zjj", "dueInDays", 7)), "TRIAGE");
        ok(api.post("triage", "/api/appeals/" + id + "/dispatch", Map.of()), "DISPATCHED");
        return id;
    }

    private static void ok(Api.Response r, String expectedStatus) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo(expectedStatus);
    }

    private Api.Response putCalendar(Map<String, Object> notice) {
        return putCalendar(YEAR, notice);
    }

    private Api.Response putCalendar(int year, Map<String, Object> notice) {
        return api.perform(MockMvcRequestBuilders.put("/api/calendar/" + year).with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8).content(api.json(notice)));
    }

    // --- reading --------------------------------------------------------------------------------------

    private static String dueDateQuery(LocalDate from, int amount, String unit) {
        return "/api/calendar/due-date?from=" + from + "&amount=" + amount + "&unit=" + unit;
    }

    private static String dueDay(OffsetDateTime t) {
        return t.atZoneSameInstant(CST).toLocalDate().toString();
    }

    private static LocalDate nextWorkingDay(LocalDate day, TreeSet<String> holidays) {
        LocalDate d = day.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.contains(d.toString())) {
            d = d.plusDays(1);
        }
        return d;
    }

    private java.time.Instant timerDue(String pid, String activityId) {
        Job job = management.createJobQuery().processInstanceId(pid).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job.getDuedate().toInstant();
    }

    private java.time.Instant variable(String pid, String name) {
        return ((java.util.Date) runtime.getVariable(pid, name)).toInstant();
    }

    private OffsetDateTime variableTime(String pid, String name) {
        return variable(pid, name).atOffset(CST);
    }

    private List<JsonNode> history(String user, String path) {
        Api.Response r = api.get(user, path);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        r.body().forEach(entries::add);
        return entries;
    }

    /** The one {@code deadline-recomputed} entry for {@code field}. */
    private static JsonNode single(List<JsonNode> history, String field) {
        List<JsonNode> found = history.stream().filter(e -> "deadline-recomputed".equals(e.path("action").asText()))
                .filter(e -> field.equals(e.path("details").path("field").asText())).toList();
        assertThat(found).as("deadline-recomputed " + field + " in " + history).hasSize(1);
        return found.get(0);
    }
}
