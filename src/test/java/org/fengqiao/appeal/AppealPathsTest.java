package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.fengqiao.supervision.Supervision;
import org.fengqiao.support.EngineTimers;
import org.fengqiao.support.TestClock;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.FlowRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every path of grid-appeal.bpmn through the real engine, one test per path, driven through the
 * REST facade. After the class, every sequence flow of the model must have been taken by these tests
 * (flows recorded by {@link FlowRecorder}; the record is cleared before the class, so the demo
 * seeds do not count).
 */
@FengqiaoTest
class AppealPathsTest {

    static final String PROCESS_KEY = "grid-appeal";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired SupervisionRecords supervisions;

    AppealFixtures f;

    @BeforeAll
    static void clearRecordedFlows() {
        FlowRecorder.taken(PROCESS_KEY).clear();
    }

    @AfterAll
    static void everySequenceFlowTaken() {
        Set<String> missing = new TreeSet<>(FlowRecorder.all(PROCESS_KEY));
        missing.removeAll(FlowRecorder.taken(PROCESS_KEY));
        assertThat(FlowRecorder.all(PROCESS_KEY)).isNotEmpty();
        assertThat(missing).as("sequence flows of grid-appeal no path test took").isEmpty();
    }

    @BeforeEach
    void setUp() {
        f = new AppealFixtures(new Api(mvc, mapper));
    }

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private List<String> openTasks(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }

    @Test
    @DisplayName("P4/S14 第11条 main path: 上报 → 研判 → 派单 → 签收 → 反馈 → 审核通过 → 回访满意 → CLOSED")
    void mainPathClosesSatisfied() {
        Api.Response reported = f.report("MINSHENG");
        String id = reported.text("id");
        assertThat(reported.text("status")).isEqualTo("REPORTED");
        assertThat(reported.text("ticketNo")).startsWith("SQ");
        assertThat(reported.location()).isEqualTo("/api/appeals/" + id);
        assertThat(f.allowed("triage", id)).contains("triage").doesNotContain("to-dispute");
        String pid = reported.text("processInstanceId");
        assertThat(openTasks(pid)).containsExactly("UserTask_Triage");

        Api.Response triaged = f.ok("triage", id, "triage", Map.of("leadDepartmentId", AppealFixtures.ZJJ), "TRIAGE");
        assertThat(triaged.text("dueAt")).isNotNull();
        assertThat(triaged.text("level")).isEqualTo("COUNTY");
        assertThat(f.get("dept3", id).status()).as("the department sees the appeal once it is its own").isEqualTo(200);
        f.ok("triage", id, "dispatch", Map.of("notes", "请按期办结"), "DISPATCHED");
        assertThat(f.allowed("dept3", id)).containsExactlyInAnyOrder("sign", "return", "extension", "feedback");
        assertThat(openTasks(pid)).containsExactly("UserTask_Handle");
        f.ok("dept3", id, "sign", Map.of(), "IN_PROGRESS");
        f.ok("dept3", id, "feedback", Map.of("result", "已修复"), "FEEDBACK_SUBMITTED");
        f.ok("triage", id, "review", Map.of("decision", "APPROVE"), "RETURN_VISIT");
        Api.Response closed = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "SATISFIED"), "CLOSED");
        assertThat(closed.body().path("closedOnTime").asBoolean()).isTrue();
        assertThat(closed.body().path("allowedActions")).isEmpty();
        assertThat(openTasks(pid)).isEmpty();
        JsonNode history = f.history("triage", id);
        assertThat(history).extracting(h -> h.path("action").asText())
                .containsExactly("report", "triage", "dispatch", "sign", "feedback", "review", "return-visit");
        assertThat(history.get(7 - 1).path("toStatus").asText()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("S14 第11条 / S12 第23条: 退单 with a reason → RETURNED → triaged again to another department")
    void returnGoesBackToTriage() {
        String id = f.dispatched("MINSHENG");
        Api.Response returned = f.ok("dept3", id, "return", Map.of("reason", "非本部门职责"), "RETURNED");
        assertThat(returned.body().path("returnCount").asInt()).isEqualTo(1);
        assertThat(f.get("dept3", id).status()).as("no longer the department's").isEqualTo(404);
        assertThat(f.allowed("triage", id)).contains("triage");
        f.ok("triage", id, "triage", Map.of("leadDepartmentId", AppealFixtures.SCJG), "TRIAGE");
        f.ok("triage", id, "dispatch", Map.of(), "DISPATCHED");
        f.ok("dept2", id, "feedback", Map.of("result", "已处理"), "FEEDBACK_SUBMITTED");
    }

    @Test
    @DisplayName("中心审核 REJECT (返工) → IN_PROGRESS; the department answers again")
    void rejectedReviewGoesBackToHandling() {
        String id = f.dispatched("SERVICE");
        f.ok("dept3", id, "feedback", Map.of("result", "已办"), "FEEDBACK_SUBMITTED");
        f.ok("triage", id, "review", Map.of("decision", "REJECT", "reason", "反馈内容不完整"), "IN_PROGRESS");
        f.ok("dept3", id, "feedback", Map.of("result", "已补充完整"), "FEEDBACK_SUBMITTED");
        f.ok("triage", id, "review", Map.of("decision", "APPROVE"), "RETURN_VISIT");
        f.ok("visitor", id, "return-visit", Map.of("satisfaction", "BASICALLY_SATISFIED"), "CLOSED");
    }

    @Test
    @DisplayName("P10 重办: DISSATISFIED return visit → REOPENED → triage again")
    void dissatisfiedReopens() {
        String id = f.dispatched("MINSHENG");
        f.ok("dept3", id, "feedback", Map.of("result", "已办"), "FEEDBACK_SUBMITTED");
        f.ok("triage", id, "review", Map.of("decision", "APPROVE"), "RETURN_VISIT");
        Api.Response reopened = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "DISSATISFIED"), "REOPENED");
        assertThat(reopened.body().path("reopenCount").asInt()).isEqualTo(1);
        f.ok("triage", id, "triage", Map.of("leadDepartmentId", AppealFixtures.ZJJ), "TRIAGE");
    }

    @Test
    @DisplayName("S12 第34条 analogue: extension requested by the department, approved by the centre → dueAt + extraDays")
    void extensionApproved() {
        String id = f.dispatched("MINSHENG");
        OffsetDateTime due = OffsetDateTime.parse(f.get("dept3", id).text("dueAt"));
        Api.Response requested = f.ok("dept3", id, "extension", Map.of("extraDays", 5, "reason", "需现场核验"), "DISPATCHED");
        assertThat(requested.body().path("extension").path("pending").asBoolean()).isTrue();
        assertThat(f.allowed("dept3", id)).isEmpty();
        assertThat(f.allowed("triage", id)).containsExactly("extension-approval");
        Api.Response approved = f.ok("triage", id, "extension-approval", Map.of("approved", true), "DISPATCHED");
        OffsetDateTime extended = OffsetDateTime.parse(approved.text("dueAt"));
        assertThat(extended.toLocalDate()).isAfterOrEqualTo(due.plusDays(5).toLocalDate());
        // the department's task after the approval shows the extended deadline on its card and as its due date
        org.camunda.bpm.engine.task.Task handle = handlingTask(approved.text("processInstanceId"));
        assertThat(taskService.getVariableLocal(handle.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(extended));
        assertThat(handle.getDueDate()).isEqualTo(Date.from(extended.toInstant()));
        assertThat(f.allowed("dept3", id)).as("only one extension").containsExactlyInAnyOrder("sign", "return", "feedback");
        f.ok("dept3", id, "feedback", Map.of("result", "已协调办结"), "FEEDBACK_SUBMITTED");
    }

    @Test
    @DisplayName("§4 B2: a DISPUTE-type appeal becomes a dispute (channel GRID_REPORT, sourceRef = ticketNo); the appeal keeps the link")
    void disputeTypeTurnsIntoDispute() {
        Api.Response reported = f.report("DISPUTE");
        String id = reported.text("id");
        String ticketNo = reported.text("ticketNo");
        assertThat(f.allowed("triage", id)).contains("to-dispute");
        Api.Response converted = f.ok("triage", id, "to-dispute", Map.of("title", "宅基地界址纠纷", "category", "PROPERTY_LAND",
                "parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲某"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙某"))), "CLOSED");
        String disputeId = converted.text("linkedDisputeId");
        assertThat(disputeId).isNotNull();
        Api.Response dispute = f.api.get("triage", "/api/disputes/" + disputeId);
        assertThat(dispute.status()).isEqualTo(200);
        assertThat(dispute.text("sourceRef")).isEqualTo(ticketNo);
        assertThat(dispute.text("channel")).isEqualTo("GRID_REPORT");
        assertThat(dispute.text("status")).isEqualTo("TRIAGE");
        assertThat(openTasks(reported.text("processInstanceId"))).isEmpty();
    }

    private org.camunda.bpm.engine.task.Task handlingTask(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("UserTask_Handle").singleResult();
    }

    @Test
    @DisplayName("a timer firing on the open handling task refreshes its card: 期限 shows the deadline as passed, at 催办 and at 督办通知")
    void timersRefreshTheOpenTasksCard() {
        String id = f.dispatched("MINSHENG");
        Api.Response dispatched = f.get("dept3", id);
        String pid = dispatched.text("processInstanceId");
        OffsetDateTime due = OffsetDateTime.parse(dispatched.text("dueAt"));
        org.camunda.bpm.engine.task.Task handle = handlingTask(pid);
        assertThat(taskService.getVariableLocal(handle.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(due));
        assertThat(taskService.getVariableLocal(handle.getId(), "状态")).isEqualTo("已派单待签收");
        assertThat(handle.getDueDate()).isEqualTo(Date.from(due.toInstant()));

        ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        org.camunda.bpm.engine.task.Task still = handlingTask(pid);
        assertThat(still.getId()).as("non-interrupting: the same task stays open").isEqualTo(handle.getId());
        assertThat(taskService.getVariableLocal(still.getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(due) + "（已届满）");
        assertThat(taskService.getVariableLocal(still.getId(), "状态")).isEqualTo("已派单待签收");
        assertThat(taskService.getVariableLocal(still.getId(), "案号")).isEqualTo(dispatched.text("ticketNo"));
        assertThat(still.getDueDate()).isEqualTo(Date.from(due.toInstant()));

        // the department signs late: the re-created task's card says 办理中 and still 届满; then the 督办通知 fires on it
        f.ok("dept3", id, "sign", Map.of(), "IN_PROGRESS");
        org.camunda.bpm.engine.task.Task signed = handlingTask(pid);
        assertThat(taskService.getVariableLocal(signed.getId(), "状态")).isEqualTo("办理中");
        taskService.setVariableLocal(signed.getId(), "期限", "（过时的卡片）");
        OffsetDateTime notice = OffsetDateTime.parse(f.get("triage", id).body().path("dueAt").asText()).plusDays(7);
        ClockUtil.setCurrentTime(Date.from(notice.toInstant()));
        assertThat(EngineTimers.fireDue(managementService, pid)).isGreaterThanOrEqualTo(1);
        assertThat(supervisions.countForTarget("APPEAL", id, SupervisionLevel.NOTICE)).isEqualTo(1);
        assertThat(taskService.getVariableLocal(handlingTask(pid).getId(), "期限")).isEqualTo(EngineTimers.cardDeadline(due) + "（已届满）");
    }

    @Test
    @DisplayName("P10 督办: 催办 (REMINDER) at the due date, 督办通知 (NOTICE) 5 working days later if still open")
    void overdueHandlingIsRemindedThenNoticed() {
        String id = f.dispatched("MINSHENG");
        Api.Response dispatched = f.get("dept3", id);
        String pid = dispatched.text("processInstanceId");
        OffsetDateTime due = OffsetDateTime.parse(dispatched.text("dueAt"));

        ClockUtil.setCurrentTime(Date.from(due.minusHours(1).toInstant()));
        assertThat(EngineTimers.fireDue(managementService, pid)).isZero();

        ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        List<Supervision> raised = supervisions.forTarget("APPEAL", id);
        assertThat(raised).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.REMINDER);
            assertThat(s.triggeredBy()).isEqualTo("OVERDUE_TIMER");
            assertThat(s.responseDueAt()).isNotNull();
        });
        assertThat(f.get("dept3", id).body().path("overdue").asBoolean()).isTrue();
        assertThat(openTasks(pid)).as("non-interrupting: still with the department").containsExactly("UserTask_Handle");

        // the department signs: the handling task is re-created, its timers re-armed — no second 催办
        f.ok("dept3", id, "sign", Map.of(), "IN_PROGRESS");
        EngineTimers.fireDue(managementService, pid);
        assertThat(supervisions.countForTarget("APPEAL", id, SupervisionLevel.REMINDER)).isEqualTo(1);

        OffsetDateTime notice = OffsetDateTime.parse(f.get("triage", id).body().path("dueAt").asText()).plusDays(7);
        ClockUtil.setCurrentTime(Date.from(notice.toInstant()));
        assertThat(EngineTimers.fireDue(managementService, pid)).isGreaterThanOrEqualTo(1);
        assertThat(supervisions.countForTarget("APPEAL", id, SupervisionLevel.NOTICE)).isEqualTo(1);
        assertThat(f.history("triage", id)).extracting(h -> h.path("action").asText()).contains("reminder", "notice");
        assertThat(f.get("triage", id).body().path("supervisions")).hasSize(2);

        f.ok("dept3", id, "feedback", Map.of("result", "已办结"), "FEEDBACK_SUBMITTED");
        f.ok("triage", id, "review", Map.of("decision", "APPROVE"), "RETURN_VISIT");
        Api.Response closed = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "SATISFIED"), "CLOSED");
        assertThat(closed.body().path("closedOnTime").asBoolean()).isFalse();
        assertThat(supervisions.forTarget("APPEAL", id)).allSatisfy(s -> assertThat(s.open()).isFalse());
    }
}
