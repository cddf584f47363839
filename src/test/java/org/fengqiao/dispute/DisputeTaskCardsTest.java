package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.fengqiao.dispute.process.DisputeProcess;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.support.EngineTimers;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13 item 2: a task's card (案号, 案由, 当事人, 状态, 期限) is copied when the task is created; a task
 * that stays open while the case changes — a non-interrupting timer fires on it, the mediation's
 * deadline passes or is extended while the risk report beside it waits, another step changes the
 * status — gets its card again from the case, and its due date where that is the case's deadline.
 * Real engine, timers fired at a moved engine clock.
 */
@FengqiaoTest
class DisputeTaskCardsTest extends DisputeApiTestBase {

    private static final String RISK = "UserTask_ReportRisk";

    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    @Test
    @DisplayName("the mediation deadline passes while a risk report is open: its card says （已届满）; the extension and then the agreement show on it")
    void openRiskReportFollowsExpiryExtensionAndAgreement() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Api.Response reported = f.ok("mediator1", id, "risk-report", Map.of("riskLevel", "HIGH", "reportedTo", "POLICE",
                "description", "被申请人扬言报复"), "IN_MEDIATION");
        String pid = reported.text("processInstanceId");
        OffsetDateTime dueAt = OffsetDateTime.parse(reported.text("dueAt"));
        Task risk = task(pid, RISK);
        assertThat(card(risk)).containsEntry("状态", "调解中").containsEntry("期限", EngineTimers.cardDeadline(dueAt));
        Date riskDue = risk.getDueDate();

        // the warning, the report's own 24 hours and the mediation deadline fire; the report stays open
        TestClock.travelTo(dueAt.plusMinutes(1).toInstant());
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(3);
        assertThat(openTasks(pid)).containsExactlyInAnyOrder("UserTask_DecideOnExpiry", RISK);
        Task still = task(pid, RISK);
        assertThat(still.getId()).as("the same report step stays open").isEqualTo(risk.getId());
        assertThat(card(still)).containsEntry("案号", reported.text("caseNo")).containsEntry("状态", "调解中")
                .containsEntry("期限", EngineTimers.cardDeadline(dueAt) + "（已届满）");
        assertThat(still.getDueDate()).as("the report keeps its own due date").isEqualTo(riskDue);
        // (created after the timer, the decision's task copies its card as it is: the same text)
        assertThat(card(task(pid, "UserTask_DecideOnExpiry"))).containsEntry("期限", EngineTimers.cardDeadline(dueAt) + "（已届满）");

        Api.Response extended = f.ok("mediator1", id, "extension", Map.of("extraDays", 10, "allPartiesConsent", true,
                "reason", "各方同意延长"), "IN_MEDIATION");
        OffsetDateTime newDue = OffsetDateTime.parse(extended.text("dueAt"));
        assertThat(newDue).isAfter(dueAt);
        assertThat(card(task(pid, RISK))).containsEntry("状态", "调解中").containsEntry("期限", EngineTimers.cardDeadline(newDue));
        // (the mediation's task is a new one: its card and due date are copied when it is created)
        Task mediate = task(pid, "UserTask_Mediate");
        assertThat(card(mediate)).containsEntry("期限", EngineTimers.cardDeadline(newDue));
        assertThat(mediate.getDueDate()).isEqualTo(Date.from(newDue.toInstant()));

        // another step changes the status: the report's card follows
        f.agreement(id, "ORAL");
        assertThat(openTasks(pid)).containsExactlyInAnyOrder("UserTask_MonitorPerformance", RISK);
        String performanceDeadline = (String) runtimeService.getVariable(pid, "caseDeadline");
        assertThat(performanceDeadline).isNotEqualTo(EngineTimers.cardDeadline(newDue));
        assertThat(card(task(pid, RISK))).containsEntry("状态", "履行督促").containsEntry("期限", performanceDeadline);
    }

    @Test
    @DisplayName("a push not accepted in time goes back to triage: the open risk report's card shows 研判分流 and no deadline")
    void openRiskReportFollowsTheReturnToTriage() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        Api.Response pushed = f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES",
                "level", "TOWN", "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "PUSH"), "ASSIGNED_PENDING_ACCEPT");
        String pid = pushed.text("processInstanceId");
        OffsetDateTime acceptanceDue = OffsetDateTime.parse(pushed.text("acceptanceDueAt"));
        f.ok("triage", id, "risk-report", Map.of("riskLevel", "MEDIUM", "reportedTo", "LOCAL_GOVERNMENT",
                "description", "涉及多户村民，可能聚集上访"), "ASSIGNED_PENDING_ACCEPT");
        assertThat(card(task(pid, RISK))).containsEntry("状态", "推送待接收").containsEntry("期限", EngineTimers.cardDeadline(acceptanceDue));

        TestClock.travelTo(acceptanceDue.plusMinutes(1).toInstant());
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(2); // the report's 24 hours, the acceptance
        assertThat(openTasks(pid)).containsExactlyInAnyOrder("UserTask_Triage", RISK);
        assertThat(card(task(pid, RISK))).containsEntry("状态", "研判分流").containsEntry("期限", "无");
    }

    @Test
    @DisplayName("the performance timer fires on the open monitoring task: its card's 期限 says （已届满）")
    void performanceTimerRefreshesTheOpenTask() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Api.Response agreed = f.agreement(id, "ORAL");
        String pid = agreed.text("processInstanceId");
        Task monitor = task(pid, "UserTask_MonitorPerformance");
        OffsetDateTime due = OffsetDateTime.ofInstant(monitor.getDueDate().toInstant(), ZoneId.of("Asia/Shanghai"));
        assertThat(card(monitor)).containsEntry("状态", "履行督促").containsEntry("期限", EngineTimers.cardDeadline(due));

        TestClock.travelTo(due.plusMinutes(1).toInstant());
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        Task still = task(pid, "UserTask_MonitorPerformance");
        assertThat(still.getId()).as("non-interrupting: the same task stays open").isEqualTo(monitor.getId());
        assertThat(card(still)).containsEntry("状态", "履行督促").containsEntry("期限", EngineTimers.cardDeadline(due) + "（已届满）");
        assertThat(still.getDueDate()).isEqualTo(monitor.getDueDate());
    }

    @Test
    @DisplayName("D13: the court's 3 days to accept pass: the court liaison's open task says （已届满）")
    void courtAcceptanceTimerRefreshesTheOpenTask() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.agreement(id, "WRITTEN");
        String pid = f.confirmation(id, DisputeFixtures.justNow()).text("processInstanceId");
        Task acceptance = task(pid, "UserTask_CourtAcceptance");
        OffsetDateTime due = OffsetDateTime.ofInstant(acceptance.getDueDate().toInstant(), ZoneId.of("Asia/Shanghai"));
        assertThat(card(acceptance)).containsEntry("状态", "司法确认中").containsEntry("期限", EngineTimers.cardDeadline(due));

        TestClock.travelTo(due.plusMinutes(1).toInstant());
        assertThat(EngineTimers.fireDue(managementService, pid)).isEqualTo(1);
        assertThat(card(task(pid, "UserTask_CourtAcceptance"))).containsEntry("期限", EngineTimers.cardDeadline(due) + "（已届满）");
    }

    @Test
    @DisplayName("the due dates the module refreshes are the model's: every user task's camunda:dueDate and followUpDate variable")
    void dueDateVariablesAreTheModels() throws Exception {
        Pattern variable = Pattern.compile("\\$\\{(\\w+)}");
        Map<String, String> due = new TreeMap<>();
        Map<String, String> followUp = new TreeMap<>();
        for (UserTask t : Bpmn.readModelFromFile(Path.of("processes/dispute/dispute-mediation.bpmn").toFile())
                .getModelElementsByType(UserTask.class)) {
            if (t.getCamundaDueDate() != null) {
                Matcher m = variable.matcher(t.getCamundaDueDate());
                assertThat(m.matches()).as(t.getId() + " reads its due date from one variable").isTrue();
                due.put(t.getId(), m.group(1));
            }
            if (t.getCamundaFollowUpDate() != null) {
                Matcher m = variable.matcher(t.getCamundaFollowUpDate());
                assertThat(m.matches()).as(t.getId() + " reads its follow-up date from one variable").isTrue();
                followUp.put(t.getId(), m.group(1));
            }
        }
        assertThat(new TreeMap<>(DisputeProcess.DUE_DATES)).isEqualTo(due);
        assertThat(new TreeMap<>(DisputeProcess.FOLLOW_UP_DATES)).isEqualTo(followUp);
    }

    @Test
    @DisplayName("the clean-up before a REST step drops variables a user left on a task, never the task's card")
    void droppingForeignVariablesKeepsTheCards() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        String pid = f.get("mediator1", id).text("processInstanceId");
        Task mediate = task(pid, "UserTask_Mediate");
        taskService.setVariableLocal(mediate.getId(), "tampered", "写入的变量");
        Map<String, Object> before = card(mediate);
        // everything the process itself holds is kept; only the task's locals are in question
        ProcessSteps.dropForeignVariables(runtimeService, taskService, pid, runtimeService.getVariables(pid).keySet());
        Map<String, Object> after = card(mediate);
        assertThat(after).doesNotContainKey("tampered").containsKeys("案号", "案由", "当事人", "状态", "期限");
        before.remove("tampered");
        assertThat(after).isEqualTo(before);
    }

    private Task task(String pid, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    private Map<String, Object> card(Task task) {
        return taskService.getVariablesLocal(task.getId());
    }

    private List<String> openTasks(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getTaskDefinitionKey).toList();
    }

}
