package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.calendar.DeadlineUnit;
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

import com.fasterxml.jackson.databind.JsonNode;

/** D2 a party's withdrawal before mediation, D18 a risk of intensification reported as a step with its own deadline. */
@FengqiaoTest
class DisputeWithdrawalAndRiskTest extends DisputeApiTestBase {

    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired SupervisionRecords supervisions;
    @Autowired DisputeSettings settings;
    @Autowired WorkingCalendar calendar;

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private static void assertValidation(Api.Response r, String field) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.body().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    }

    private List<String> openSteps(String id) {
        String pid = f.get("admin", id).text("processInstanceId");
        return taskService.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getTaskDefinitionKey).toList();
    }

    @Test
    @DisplayName("D2: a party withdraws before mediation (CONSENT_PENDING) → CLOSED / WITHDRAWN, then archive; during mediation it is a termination")
    @LegalRule(value = "D2", model = {"processes/dispute/dispute-mediation.bpmn#StartEvent_Withdrawn",
            "org.fengqiao.dispute.DisputeCase#withdraw", "org.fengqiao.dispute.Outcome#WITHDRAWN"})
    void withdrawalBeforeMediation() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
        assertThat(f.allowed("orgadmin", id)).contains("withdrawal");
        assertValidation(f.act("orgadmin", id, "withdrawal", Map.of("requestedBy", "路人甲", "reason", "不想调了")), "requestedBy");
        assertValidation(f.act("orgadmin", id, "withdrawal", Map.of("requestedBy", "孙某")), "reason");
        assertThat(openSteps(id)).containsExactly("UserTask_SeekConsent");

        Api.Response withdrawn = f.ok("orgadmin", id, "withdrawal", Map.of("requestedBy", "孙某", "reason", "双方已自行和解"),
                "CLOSED");
        assertThat(withdrawn.text("outcome")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.text("closedAt")).isNotNull();
        assertThat(openSteps(id)).containsExactly("UserTask_ArchiveWithdrawn");
        JsonNode entry = f.lastEntry("orgadmin", id, "withdrawal");
        assertThat(entry.path("fromStatus").asText()).isEqualTo("CONSENT_PENDING");
        assertThat(entry.path("toStatus").asText()).isEqualTo("CLOSED");
        assertThat(entry.path("details").path("requestedBy").asText()).isEqualTo("孙某");
        assertThat(f.allowed("orgadmin", id)).containsExactly("archive");
        f.upload("orgadmin", id, "IDENTITY_PROOF");
        f.upload("orgadmin", id, "BACK_COVER");
        Api.Response archived = f.ok("orgadmin", id, "archive", Map.of("volumeNo", "2026-撤回-001", "retentionYears", 10), "ARCHIVED");
        assertThat(archived.text("outcome")).isEqualTo("WITHDRAWN");

        // in TRIAGE the triage officer records it; once mediating it is a termination (409)
        String triaged = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.ok("triage", triaged, "withdrawal", Map.of("requestedBy", "周某", "reason", "申请人撤回"), "CLOSED");
        String mediating = f.inMediation(DisputeFixtures.neighbourDispute());
        assertThat(f.allowed("mediator1", mediating)).doesNotContain("withdrawal").contains("termination");
        Api.Response late = f.act("mediator1", mediating, "withdrawal", Map.of("requestedBy", "孙某", "reason", "撤回"));
        assertThat(late.status()).as(late.body().toString()).isEqualTo(409);
        assertThat(late.problemType()).isEqualTo("/problems/illegal-transition");
    }

    @Test
    @DisplayName("D18: a risk report opens a report step due within 24 hours; overdue → 督办通知; delivering it closes the step, mediation goes on")
    @LegalRule(value = "D18", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_ReportRisk",
            "processes/dispute/dispute-mediation.bpmn#Timer_RiskReportDue", "org.fengqiao.dispute.DisputeSettings#riskReportLimit",
            "org.fengqiao.dispute.ReportedTo"})
    void riskReportStep() {
        assertThat(settings.riskReportLimit().amount()).isEqualTo(24);
        assertThat(settings.riskReportLimit().unit()).isEqualTo(DeadlineUnit.HOURS);
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        assertValidation(f.act("mediator1", id, "risk-report", Map.of("riskLevel", "HIGH", "description", "扬言报复")), "reportedTo");
        Api.Response reported = f.ok("mediator1", id, "risk-report", Map.of("riskLevel", "HIGH", "reportedTo", "POLICE",
                "description", "被申请人扬言报复，可能引发治安案件"), "IN_MEDIATION");
        assertThat(reported.text("riskLevel")).isEqualTo("HIGH");
        JsonNode entry = f.lastEntry("mediator1", id, "risk-report");
        OffsetDateTime due = OffsetDateTime.parse(entry.path("details").path("riskReportDueAt").asText());
        assertThat(due).isEqualTo(calendar.deadline(OffsetDateTime.parse(entry.path("at").asText()), settings.riskReportLimit()));
        assertThat(openSteps(id)).containsExactlyInAnyOrder("UserTask_Mediate", "UserTask_ReportRisk");
        assertThat(f.allowed("mediator1", id)).contains("risk-report-delivery", "sessions").doesNotContain("risk-report");
        // one report step at a time
        assertThat(f.act("mediator1", id, "risk-report", Map.of("riskLevel", "MEDIUM", "reportedTo", "LOCAL_GOVERNMENT",
                "description", "再次报告")).status()).isEqualTo(409);

        String pid = reported.text("processInstanceId");
        Job timer = managementService.createJobQuery().processInstanceId(pid).timers().activityId("Timer_RiskReportDue")
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(due.toInstant());
        TestClock.travelTo(due.toInstant().plusSeconds(60));
        managementService.executeJob(timer.getId());
        assertThat(supervisions.forTarget("DISPUTE", id)).anySatisfy(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.NOTICE);
            assertThat(s.triggeredBy()).isEqualTo("OVERDUE_TIMER");
        });
        assertThat(f.lastEntry("mediator1", id, "risk-report-overdue").path("actor").asText()).isEqualTo("system");

        assertValidation(f.act("mediator1", id, "risk-report-delivery", Map.of("deliveredAt", DisputeFixtures.justNow())),
                "receivedBy");
        f.ok("mediator1", id, "risk-report-delivery", Map.of("deliveredAt", DisputeFixtures.justNow(), "receivedBy", "安东卫派出所",
                "notes", "已书面报告并通知社区网格员"), "IN_MEDIATION");
        assertThat(openSteps(id)).containsExactly("UserTask_Mediate");
        assertThat(f.allowed("mediator1", id)).contains("risk-report").doesNotContain("risk-report-delivery");
        assertThat(f.lastEntry("mediator1", id, "risk-report-delivery").path("details").path("receivedBy").asText())
                .isEqualTo("安东卫派出所");
    }

    @Test
    @DisplayName("D18: a risk can be reported in any open status (here TRIAGE, by the triage officer), never on a closed case")
    @LegalRule(value = "D18", model = {"processes/dispute/dispute-mediation.bpmn#StartEvent_RiskReported",
            "org.fengqiao.dispute.DisputeCase#riskReportOpened"})
    void riskReportInAnyOpenStatus() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.ok("triage", id, "risk-report", Map.of("riskLevel", "MEDIUM", "reportedTo", "LOCAL_GOVERNMENT",
                "description", "涉及多户村民，可能聚集上访"), "TRIAGE");
        assertThat(openSteps(id)).containsExactlyInAnyOrder("UserTask_Triage", "UserTask_ReportRisk");
        f.ok("triage", id, "risk-report-delivery", Map.of("deliveredAt", DisputeFixtures.justNow(), "receivedBy", "安东卫街道办事处"),
                "TRIAGE");
        f.ok("triage", id, "triage", Map.of("decision", "NOT_ACCEPT", "reason", "ALREADY_ACCEPTED_ELSEWHERE"),
                "REJECTED_NOT_ACCEPTED");
        Api.Response closed = f.act("triage", id, "risk-report", Map.of("riskLevel", "LOW", "reportedTo", "POLICE",
                "description", "已结案"));
        assertThat(closed.status()).isEqualTo(409);
    }
}
