package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.fengqiao.supervision.Supervision;
import org.fengqiao.support.TestClock;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The custody models through the real engine: timers with the engine clock, the Tasklist door
 * with its separation-of-duties checks, every path of every model — and, last, a check that every
 * sequence flow of the custody models has been taken.
 */
@FengqiaoTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustodyProcessTest extends CustodyApiSupport {

    @Autowired MockMvc mvc;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired SupervisionRecords supervision;
    @Autowired CustodyManagement custody;
    @Autowired PropertyItems items;
    @Autowired CustodyProperties properties;
    @Autowired org.fengqiao.calendar.WorkingCalendar custodyCalendar;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        TestClock.restore();
        identity.clearAuthentication();
    }

    /** The business key of an item's instances: its 财物编号 (an id that is no item's — a case's — is its own key). */
    private String key(String id) {
        return items.itemNoOf(id).orElse(id);
    }

    private ProcessInstance instance(String key, String itemId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(key(itemId))
                .singleResult();
    }

    private void moveClock(OffsetDateTime to) {
        ClockUtil.setCurrentTime(Date.from(to.toInstant()));
    }

    private Job timer(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    /** The card (状态, 期限 …) the Tasklist shows on the open task {@code taskKey} of the instance: the task's own variables. */
    private Map<String, Object> card(ProcessInstance pi, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        return tasks.getVariablesLocal(task.getId());
    }

    /** A deadline as a card writes it: to the minute, in the calendar's zone. */
    private String cardDeadline(OffsetDateTime due) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .format(due.atZoneSameInstant(custodyCalendar.zone()));
    }

    @Test
    @Order(1)
    @LegalRule(value = "C1", model = {"processes/custody/property-intake.bpmn#Timer_HandoverOverdue", "org.fengqiao.custody.CustodyProperties#handoverLimit"})
    void overdueHandoverRaisesAnAlertAndASupervisionRecordOnce_C1() throws Exception {
        String caseId = openPoliceCase();
        JsonNode item = register("officer1", caseId, "GENERAL").get(0);
        String id = item.get("id").asText();
        ProcessInstance pi = instance("property-intake", id);
        assertThat(pi).isWaitingAt("UserTask_HandOverItem");
        Job job = timer(pi);
        OffsetDateTime due = OffsetDateTime.parse(item.get("handoverDueAt").asText());
        assertThat(job.getDuedate().toInstant()).isEqualTo(due.toInstant());
        assertThat(card(pi, "UserTask_HandOverItem")).containsEntry("状态", "待移交")
                .containsEntry("期限", cardDeadline(due));

        moveClock(due.plusHours(1));
        management.executeJob(job.getId());
        // the hand-over step stays open: its card says the deadline has passed (Issue 13 item 2)
        assertThat(card(pi, "UserTask_HandOverItem")).containsEntry("财物编号", key(id)).containsEntry("状态", "待移交")
                .containsEntry("期限", cardDeadline(due) + "（已届满）");
        List<Supervision> records = supervision.forTarget(CustodyManagement.TARGET_TYPE, id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).triggeredBy()).isEqualTo("OVERDUE_TIMER");
        assertThat(custody.alerts(id)).extracting(CustodyAlert::kind).containsExactly("HANDOVER_OVERDUE");
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.handoverOverdue").value(true));
        JsonNode timeline = read(getAs("officer1", "/api/property-items/" + id + "/history"));
        assertThat(timeline.findValuesAsText("action")).contains("handover-overdue");
        assertThat(pi).isWaitingAt("UserTask_HandOverItem");

        // late hand-over, inspection finds a mismatch: back to the officer; the alert is not repeated
        act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        JsonNode mismatch = act("custodian", id, "inspection", "{\"result\":\"MISMATCH\",\"condition\":\"数量与清单不符\"}");
        assertThat(mismatch.get("status").asText()).isEqualTo("PENDING_HANDOVER");
        assertThat(pi).isWaitingAt("UserTask_HandOverItem");
        management.executeJob(timer(pi).getId());
        assertThat(supervision.forTarget(CustodyManagement.TARGET_TYPE, id)).hasSize(1);
        act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        act("custodian", id, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-01-01\"}");
        assertThat(pi).isEnded();
        assertThat(pi).hasPassed("Timer_HandoverOverdue", "ServiceTask_RaiseHandoverAlert", "EndEvent_ItemStored");
    }

    @Test
    @Order(2)
    @LegalRule(value = "C2", model = {"processes/custody/property-intake.bpmn#Gateway_HeldByCentre", "org.fengqiao.custody.PropertyCategory#notHeld"})
    void notHeldPropertySkipsTheHandover_C2() throws Exception {
        String caseId = openPoliceCase();
        String id = register("officer1", caseId, "REAL_ESTATE").get(0).get("id").asText();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key(id)).singleResult().getEndTime())
                .isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_RegisteredNotHeld")
                .list().stream().anyMatch(a -> key(id).equals(businessKey(a.getProcessInstanceId())))).isTrue();
    }

    private String businessKey(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
    }

    @Test
    @Order(3)
    @LegalRule(value = "C6", model = {"processes/custody/property-loan.bpmn#Timer_LoanOverdue", "org.fengqiao.custody.CustodyManagement#loanOverdue"})
    @LegalRule(value = "C20", model = {"processes/custody/property-loan.bpmn#Gateway_ReturnCondition", "processes/custody/property-loan.bpmn#ServiceTask_ReportReturnException"})
    void overdueLoanIsReportedToBothDepartmentHeadsAndADamagedReturnBecomesAnException_C6_C20() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        OffsetDateTime planned = TestClock.offsetNow().plusDays(2).withNano(0);
        act("officer1", id, "loan-request", "{\"reason\":\"鉴定\",\"plannedReturnAt\":\"" + planned + "\"}");
        act("depthead", id, "loan-approval", "{\"approved\":true}");
        ProcessInstance pi = instance("property-loan", id);
        assertThat(pi).isWaitingAt("UserTask_InspectReturn");
        Job job = timer(pi);
        assertThat(job.getDuedate().toInstant()).isEqualTo(planned.toInstant());
        assertThat(card(pi, "UserTask_InspectReturn")).containsEntry("状态", "调用中")
                .containsEntry("期限", cardDeadline(planned));

        moveClock(planned.plusHours(2));
        management.executeJob(job.getId());
        // the return's inspection stays open: its card shows the loan overdue (Issue 13 item 2)
        assertThat(card(pi, "UserTask_InspectReturn")).containsEntry("状态", "调用中")
                .containsEntry("期限", cardDeadline(planned) + "（已届满）");
        List<Supervision> records = supervision.forTarget(CustodyManagement.TARGET_TYPE, id);
        assertThat(records).hasSize(2);
        assertThat(records).extracting(Supervision::reason)
                .anyMatch(r -> r.startsWith("致办案部门负责人")).anyMatch(r -> r.startsWith("致保管部门负责人"));
        assertThat(custody.alerts(id)).extracting(CustodyAlert::kind).containsExactly("LOAN_OVERDUE");
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.loan.overdue").value(true));
        assertThat(pi).hasPassed("ServiceTask_EscalateOverdueLoan").isWaitingAt("UserTask_InspectReturn");

        JsonNode damaged = act("custodian", id, "loan-return", "{\"condition\":\"DAMAGED\",\"notes\":\"外壳破裂\"}");
        assertThat(damaged.get("status").asText()).isEqualTo("EXCEPTION_DAMAGED_OR_LOST");
        assertThat(pi).isEnded();
        assertThat(pi).hasPassed("ServiceTask_ReportReturnException", "EndEvent_ExceptionRecorded");
        assertThat(custody.exceptions(id)).extracting(ExceptionRecord::kind).containsExactly("DAMAGED");
        assertThat(supervision.forTarget(CustodyManagement.TARGET_TYPE, id)).hasSize(4);
        assertThat(damaged.get("allowedActions")).isEmpty();
    }

    @Test
    @Order(4)
    @LegalRule(value = "C11", model = {"org.fengqiao.custody.CustodyAccess#custodianSide", "org.fengqiao.custody.CustodyManagement#openCase"})
    @LegalRule(value = "C12", model = {"processes/custody/property-loan.bpmn#UserTask_ApproveLoan", "org.fengqiao.custody.CustodyAccess#approval"})
    void theTasklistDoorRunsTheSameSeparationOfDutiesChecks_C11_C12() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        act("depthead", id, "loan-request", "{\"reason\":\"辨认\",\"plannedReturnAt\":\""
                + TestClock.offsetNow().plusDays(1).withNano(0) + "\"}");
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(key(id)).taskDefinitionKey("UserTask_ApproveLoan")
                .singleResult();
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(l -> l.getGroupId())
                .contains("rz-police-xz-depthead");
        // the requester completes his own approval in the Tasklist: refused, nothing changes
        identity.setAuthentication("depthead", List.of("depthead", "rz-police-xz-depthead"));
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of("approved", "true")))
                .hasRootCauseInstanceOf(org.fengqiao.shared.ForbiddenException.class);
        identity.clearAuthentication();
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(ItemStatus.LOAN_REQUESTED);
        // an administrator rejects it with the form's string value
        identity.setAuthentication("admin", List.of("camunda-admin"));
        tasks.complete(approval.getId(), Map.of("approved", "false", "reason", "理由不充分"));
        identity.clearAuthentication();
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(ItemStatus.IN_STORAGE);
        assertThat(runtime.createVariableInstanceQuery().variableName("approved").list()).isEmpty();

        // approved by someone else and returned intact
        act("officer1", id, "loan-request", "{\"reason\":\"辨认\",\"plannedReturnAt\":\""
                + TestClock.offsetNow().plusDays(1).withNano(0) + "\"}");
        act("depthead", id, "loan-approval", "{\"approved\":true}");
        Task inspectReturn = tasks.createTaskQuery().processInstanceBusinessKey(key(id))
                .taskDefinitionKey("UserTask_InspectReturn").singleResult();
        // C11: a case officer cannot take the item back in the Tasklist either: the task is the
        // custodians' (candidate group), so the engine's task authorization refuses before the domain
        identity.setAuthentication("officer1", List.of("officer", "rz-police-xz-officer"));
        assertThatThrownBy(() -> tasks.complete(inspectReturn.getId(), Map.of("condition", "INTACT")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        identity.setAuthentication("custodian", List.of("custodian", "rz-custody-custodian"));
        assertThatThrownBy(() -> tasks.complete(inspectReturn.getId(), Map.of("condition", "BROKEN")))
                .hasRootCauseInstanceOf(org.fengqiao.shared.ValidationException.class);
        tasks.complete(inspectReturn.getId(), Map.of("condition", "INTACT"));
        identity.clearAuthentication();
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(ItemStatus.IN_STORAGE);

        // disposal: the requester may not approve in the Tasklist; the department head rejects
        conclude("officer1", caseId);
        act("officer1", id, "disposal-request", "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"判3号\"}");
        Task disposalApproval = tasks.createTaskQuery().processInstanceBusinessKey(key(id))
                .taskDefinitionKey("UserTask_ApproveDisposal").singleResult();
        // (not a candidate of the department heads' approval: the engine refuses the officer)
        identity.setAuthentication("officer1", List.of("officer", "rz-police-xz-officer"));
        assertThatThrownBy(() -> tasks.complete(disposalApproval.getId(), Map.of("approved", true)))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        identity.clearAuthentication();
        JsonNode rejected = act("depthead", id, "disposal-approval", "{\"approved\":false,\"reason\":\"尚未判决\"}");
        assertThat(rejected.get("status").asText()).isEqualTo("IN_STORAGE");
        assertThat(rejected.get("disposal").isNull()).isTrue();
    }

    @Test
    @Order(5)
    @LegalRule(value = "C16", model = {"org.fengqiao.custody.PropertyCategory#notPhysicallyTransferable", "processes/custody/property-transfer.bpmn#UserTask_ReceiveTransfer"})
    void transfersRemoteDisplaysAndDisposalsTakeEveryPath_C16() throws Exception {
        String caseId = openPoliceCase();
        String physical = storedPoliceItem(caseId, "DOCUMENT");
        act("officer2", physical, "transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"PHYSICAL\"}");
        ProcessInstance transfer = instance("property-transfer", physical);
        assertThat(transfer).isWaitingAt("UserTask_ReceiveTransfer");
        assertThat(tasks.getIdentityLinksForTask(tasks.createTaskQuery().processInstanceId(transfer.getId())
                .singleResult().getId())).extracting(l -> l.getGroupId()).contains("rz-procuratorate-officer");
        act("prosecutor", physical, "transfer-receipt", "{}");
        assertThat(transfer).isEnded().hasPassed("EndEvent_TransferReceived");

        String recordOnly = storedPoliceItem(caseId, "GENERAL");
        act("officer1", recordOnly, "transfer", "{\"toAgencyId\":\"rz-court\",\"mode\":\"RECORD_ONLY\"}");
        String display = storedPoliceItem(caseId, "ELECTRONIC_DATA");
        act("officer1", display, "remote-display",
                "{\"requestingAgencyId\":\"rz-ls-court\",\"scheduledAt\":\"2026-11-23T10:00:00+08:00\",\"recordingHash\":\"abc123\"}");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + display + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("REMOTE_DISPLAY");
        assertThat(last.get("fromStatus").asText()).isEqualTo("IN_STORAGE");
        assertThat(last.get("toStatus").asText()).isEqualTo("IN_STORAGE");
        assertThat(last.at("/details/recordingHash").asText()).isEqualTo("abc123");

        String valuable = stored(caseId, "officer1", "VALUABLE", "zone-valuables");
        conclude("officer1", caseId);
        act("officer1", valuable, "disposal-request",
                "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"（2026）鲁11刑终5号\"}");
        act("depthead", valuable, "disposal-approval", "{\"approved\":true}");
        // C19: valuables need two distinct executors, too
        postAs("custodian", "/api/property-items/" + valuable + "/disposal-execution", "{\"executedBy\":[\"custodian\"]}")
                .andExpect(status().isUnprocessableEntity());
        JsonNode done = act("custodian", valuable, "disposal-execution",
                "{\"executedBy\":[\"custodian2\",\"custodian\"],\"receiptNo\":\"国库-7\"}");
        assertThat(done.get("status").asText()).isEqualTo("DISPOSED");
        JsonNode entries = read(getAs("officer1", "/api/property-items/" + valuable + "/ledger"));
        assertThat(entries.get(entries.size() - 1).get("eventType").asText()).isEqualTo("DISPOSE");
    }

    @Test
    @Order(6)
    void inventoryDiscrepanciesBecomeExceptionRecords() throws Exception {
        String caseId = openPoliceCase();
        String a = storedPoliceItem(caseId, "GENERAL");
        String b = storedPoliceItem(caseId, "GENERAL");
        String aNo = items.find(a).orElseThrow().itemNo();
        String bNo = items.find(b).orElseThrow().itemNo();
        postAs("officer1", "/api/inventories", "{\"caseId\":\"" + caseId + "\"}").andExpect(status().isForbidden());

        JsonNode first = read(postAs("custodian", "/api/inventories", "{\"caseId\":\"" + caseId + "\"}")
                .andExpect(status().isCreated()));
        String firstId = first.at("/inventory/id").asText();
        assertThat(first.at("/inventory/expectedItemIds").size()).isEqualTo(2);
        JsonNode reconciled = read(postAs("custodian", "/api/inventories/" + firstId + "/count",
                "{\"foundItemNos\":[\"" + aNo + "\",\"" + bNo + "\"]}").andExpect(status().isOk()));
        assertThat(reconciled.at("/inventory/status").asText()).isEqualTo("RECONCILED");
        postAs("custodian", "/api/inventories/" + firstId + "/count", "{\"foundItemNos\":[]}")
                .andExpect(status().isConflict());

        String secondId = read(postAs("custodian", "/api/inventories", "{\"caseId\":\"" + caseId + "\"}"))
                .at("/inventory/id").asText();
        JsonNode counted = read(postAs("custodian", "/api/inventories/" + secondId + "/count",
                "{\"foundItemNos\":[\"" + aNo + "\",\"SACW-0000-UNKNOWN\"]}").andExpect(status().isOk()));
        assertThat(counted.at("/inventory/status").asText()).isEqualTo("DISCREPANCIES");
        assertThat(counted.at("/inventory/discrepancies").asInt()).isEqualTo(2);
        assertThat(counted.get("exceptions").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("MISSING_AT_INVENTORY", "UNEXPECTED_AT_INVENTORY");
        assertThat(items.find(b).orElseThrow().status()).isEqualTo(ItemStatus.EXCEPTION_DAMAGED_OR_LOST);
        JsonNode ledger = read(getAs("custodian", "/api/property-items/" + b + "/ledger"));
        assertThat(ledger.get(ledger.size() - 1).get("eventType").asText()).isEqualTo("EXCEPTION");
        assertThat(items.find(a).orElseThrow().status()).isEqualTo(ItemStatus.IN_STORAGE);
    }

    @Test
    @Order(6)
    @LegalRule(value = "C4", model = {"processes/custody/property-disposal.bpmn#Timer_ExecutionOverdue", "org.fengqiao.custody.CustodyProperties#disposalLimit"})
    @LegalRule(value = "C7", model = {"processes/custody/property-disposal.bpmn#Timer_ApprovalOverdue", "processes/custody/property-disposal.bpmn#Timer_ExecutionOverdue", "org.fengqiao.custody.CustodyProperties#disposalLimit"})
    void unrelatedPropertyNotReleasedWithinThreeDaysIsSupervised_C4_C7() throws Exception {
        // 刑诉法 第145条: property found unrelated is released within 3 days (C4); one month otherwise (C7)
        assertThat(properties.disposalLimit("RELEASE_UNRELATED")).isEqualTo(new TimeLimit(3, DeadlineUnit.CALENDAR_DAYS));
        assertThat(properties.disposalLimit("CONFISCATE_TO_TREASURY")).isEqualTo(new TimeLimit(1, DeadlineUnit.MONTHS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        JsonNode requested = act("officer1", id, "disposal-request",
                "{\"disposalType\":\"RELEASE_UNRELATED\",\"legalBasisDocNo\":\"解除扣押决定书1号\"}");
        OffsetDateTime due = OffsetDateTime.parse(requested.at("/disposal/dueAt").asText());
        // Friday 4 December + 3 days = Monday 7 December
        assertThat(due).isEqualTo(OffsetDateTime.parse("2026-12-07T23:59:59+08:00"));
        ProcessInstance pi = instance("property-disposal", id);
        assertThat(timer(pi).getDuedate().toInstant()).isEqualTo(due.toInstant());

        moveClock(due.plusHours(1));
        management.executeJob(timer(pi).getId());
        assertThat(supervision.forTarget(CustodyManagement.TARGET_TYPE, id)).hasSize(1);
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.disposal.overdue").value(true));
        act("depthead", id, "disposal-approval", "{\"approved\":true}");
        assertThat(pi).isWaitingAt("UserTask_ExecuteDisposal");
        management.executeJob(timer(pi).getId());
        assertThat(supervision.forTarget(CustodyManagement.TARGET_TYPE, id)).hasSize(2);
        assertThat(custody.alerts(id)).extracting(CustodyAlert::kind).containsExactly("DISPOSAL_OVERDUE", "DISPOSAL_OVERDUE");
        act("custodian", id, "disposal-execution",
                "{\"executedBy\":[\"custodian\"],\"recipient\":{\"name\":\"张某\",\"idNumber\":\"371102198001011111\",\"relation\":\"OWNER\"}}");
        assertThat(pi).isEnded().hasPassed("Timer_ApprovalOverdue", "Timer_ExecutionOverdue",
                "ServiceTask_RaiseDisposalOverdue", "EndEvent_Disposed");

        // other disposals: one month (执行回单 after a judgment, C7)
        String other = storedPoliceItem(caseId, "GENERAL");
        conclude("officer1", caseId);
        JsonNode confiscation = act("officer1", other, "disposal-request",
                "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"判决书\"}");
        OffsetDateTime otherDue = OffsetDateTime.parse(confiscation.at("/disposal/dueAt").asText());
        // requested on the clock's day (still 4 December + the hours the timers moved it) + one month
        OffsetDateTime requestedOn = OffsetDateTime.parse(confiscation.get("updatedAt").asText());
        assertThat(otherDue).isEqualTo(custodyCalendar.deadline(requestedOn, new TimeLimit(1, DeadlineUnit.MONTHS)));
        assertThat(otherDue.toLocalDate()).isAfterOrEqualTo(requestedOn.toLocalDate().plusMonths(1))
                .isBefore(requestedOn.toLocalDate().plusMonths(1).plusDays(8));
    }

    @Test
    @Order(7)
    @LegalRule(value = "C3", model = {"processes/custody/property-intake.bpmn#Timer_HandoverOverdue", "org.fengqiao.custody.CustodyProperties#handoverLimit"})
    void aDeadlineRunningIntoAYearWithoutANoticeFollowsTheProvisionalCalendar_C3() throws Exception {
        moveClock(OffsetDateTime.parse("2026-12-30T10:00:00+08:00"));
        String caseId = openCase("prosecutor", "rz-procuratorate", List.of("prosecutor", "officer1"));
        JsonNode item = register("prosecutor", caseId, "DOCUMENT").get(0);
        // 3 days: Saturday 2027-01-02; 2027 has no notice yet, so its statutory 元旦 and the weekend
        // are rest days and the hand-over is due at the end of Monday 2027-01-04 (暂定)
        assertThat(OffsetDateTime.parse(item.get("handoverDueAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-01-04T23:59:59+08:00").toInstant());
        assertThat(item.get("provisionalDeadlines")).extracting(JsonNode::asText).containsExactly("handoverDueAt");
    }

    @Test
    @Order(7)
    @LegalRule(value = "C9", model = {"org.fengqiao.custody.CustodyProperties#unclaimedPeriod",
            "org.fengqiao.custody.CustodyManagement#requestDisposal"})
    @LegalRule(value = "C10", model = {"org.fengqiao.custody.CustodyProperties#unclaimedPeriod",
            "processes/custody/property-refund.bpmn#ServiceTask_RecordRefund", "org.fengqiao.custody.CustodyManagement#refund"})
    void unclaimedPropertyGoesToTheTreasuryAfterSixMonthsOrAYearAndIsRefundedOnALaterClaim_C9_C10() throws Exception {
        assertThat(properties.unclaimedPeriod(CaseType.ADMINISTRATIVE)).isEqualTo(new TimeLimit(6, DeadlineUnit.MONTHS));
        assertThat(properties.unclaimedPeriod(CaseType.CRIMINAL)).isEqualTo(new TimeLimit(12, DeadlineUnit.MONTHS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        // C9, administrative case: notified on 4 June → 6 months end on 4 December (today): not yet
        String admin = read(postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"日公（治）立字〔2026〕5号","caseName":"某治安案件","caseType":"ADMINISTRATIVE",
                 "handlingAgencyId":"rz-police","officerIds":["officer1","officer2"]}""").andExpect(status().isCreated()))
                .get("id").asText();
        String item = storedPoliceItem(admin, "GENERAL");
        conclude("officer1", admin);
        String request = "{\"disposalType\":\"UNCLAIMED_TO_TREASURY\",\"legalBasisDocNo\":\"认领公告1号\"%s}";
        postAs("officer1", "/api/property-items/" + item + "/disposal-request", request.formatted(""))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("noticePublishedOn"));
        postAs("officer1", "/api/property-items/" + item + "/disposal-request",
                request.formatted(",\"noticePublishedOn\":\"2026-06-04\"")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("noticePublishedOn"));
        act("officer1", item, "disposal-request", request.formatted(",\"noticePublishedOn\":\"2026-06-03\""));
        act("depthead", item, "disposal-approval", "{\"approved\":true}");
        act("custodian", item, "disposal-execution", "{\"executedBy\":[\"custodian\"],\"receiptNo\":\"国库-3\"}");
        // C10, criminal case: one year
        String criminal = openPoliceCase();
        String claimed = register("officer1", criminal, "GENERAL").get(0).get("id").asText();
        act("officer1", claimed, "handover", "{\"centreId\":\"rz-custody\"}");
        act("custodian", claimed, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-02-01\"}");
        conclude("officer1", criminal);
        postAs("officer1", "/api/property-items/" + claimed + "/disposal-request",
                request.formatted(",\"noticePublishedOn\":\"2025-12-04\"")).andExpect(status().isUnprocessableEntity());
        act("officer1", claimed, "disposal-request", request.formatted(",\"noticePublishedOn\":\"2025-12-03\""));
        act("depthead", claimed, "disposal-approval", "{\"approved\":true}");
        act("custodian", claimed, "disposal-execution", "{\"executedBy\":[\"custodian\"],\"receiptNo\":\"国库-4\"}");
        // the owner turns up later: refund from the treasury, once; the item stays DISPOSED
        assertThat(texts(read(getAs("officer1", "/api/property-items/" + claimed)).get("allowedActions"))).containsExactly("refund");
        postAs("officer1", "/api/property-items/" + claimed + "/refund", "{\"legalBasisDocNo\":\"退库决定1号\"}")
                .andExpect(status().isUnprocessableEntity());
        JsonNode refunded = act("officer1", claimed, "refund", """
                {"legalBasisDocNo":"退库决定1号","receiptNo":"退库-1","recipient":{"name":"孙某","idNumber":"371102197001011234","relation":"OWNER"}}""");
        assertThat(refunded.get("status").asText()).isEqualTo("DISPOSED");
        assertThat(texts(refunded.get("allowedActions"))).isEmpty();
        postAs("officer1", "/api/property-items/" + claimed + "/refund", """
                {"legalBasisDocNo":"退库决定1号","recipient":{"name":"孙某","idNumber":"371102197001011234","relation":"OWNER"}}""")
                .andExpect(status().isConflict());
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + claimed + "/ledger"));
        assertThat(ledger.get(ledger.size() - 1).get("eventType").asText()).isEqualTo("REFUND_FROM_TREASURY");
        assertThat(instanceHistory("property-refund", claimed)).isTrue();
        // only property remitted as unclaimed is refunded
        String stored = storedPoliceItem(criminal, "GENERAL");
        postAs("officer1", "/api/property-items/" + stored + "/refund", """
                {"legalBasisDocNo":"退库决定2号","recipient":{"name":"孙某","idNumber":"371102197001011234","relation":"OWNER"}}""")
                .andExpect(status().isConflict());
    }

    @Test
    @Order(7)
    @LegalRule(value = "C1", model = {"processes/custody/property-handover-deferral.bpmn#ServiceTask_RecordHandoverDeferral",
            "org.fengqiao.custody.HandoverException", "org.fengqiao.custody.CustodyManagement#deferHandover"})
    void aRemoteExtractionOrAnUrgentAppraisalStartsTheHandoverClockAgain_C1() throws Exception {
        assertThat(properties.handoverLimit("POLICE")).isEqualTo(new TimeLimit(24, DeadlineUnit.HOURS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        JsonNode item = read(postAs("officer1", "/api/property-cases/" + caseId + "/items", """
                [{"name":"异地提取的账册","category":"DOCUMENT","quantity":1,"unit":"册","measure":"SEIZE",
                  "source":"青岛市某公司财务室","seizedAt":"2026-12-02T15:00:00+08:00"}]""").andExpect(status().isCreated())).get(0);
        String id = item.get("id").asText();
        assertThat(OffsetDateTime.parse(item.get("handoverDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-03T15:00:00+08:00"));
        assertThat(texts(item.get("allowedActions"))).containsExactly("handover", "handover-deferral");
        String path = "/api/property-items/" + id + "/handover-deferral";
        postAs("officer1", path, "{\"exception\":\"REMOTE_EXTRACTION\",\"clockFrom\":\"2026-12-05T09:00:00+08:00\",\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("clockFrom"));
        // back at the unit at 09:00 today: 24 hours from then
        JsonNode deferred = act("officer1", id, "handover-deferral",
                "{\"exception\":\"REMOTE_EXTRACTION\",\"clockFrom\":\"2026-12-04T09:00:00+08:00\",\"reason\":\"赴青岛提取，今晨返回\"}");
        assertThat(OffsetDateTime.parse(deferred.get("handoverDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-05T09:00:00+08:00"));
        ProcessInstance intake = instance("property-intake", id);
        assertThat(timer(intake).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-05T09:00:00+08:00").toInstant());
        // an urgent appraisal needs the department head: the officer is refused, the head records it
        postAs("officer1", path, "{\"exception\":\"URGENT_APPRAISAL\",\"clockFrom\":\"2026-12-06T12:00:00+08:00\",\"reason\":\"笔迹鉴定\"}")
                .andExpect(status().isForbidden());
        JsonNode appraisal = act("depthead", id, "handover-deferral",
                "{\"exception\":\"URGENT_APPRAISAL\",\"clockFrom\":\"2026-12-06T12:00:00+08:00\",\"reason\":\"紧急笔迹鉴定\"}");
        assertThat(OffsetDateTime.parse(appraisal.get("handoverDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-07T12:00:00+08:00"));
        assertThat(timer(intake).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-07T12:00:00+08:00").toInstant());
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("HANDOVER_DEFERRED");
        assertThat(last.at("/details/approvedBy").asText()).isEqualTo("depthead");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("property-handover-deferral")
                .processInstanceBusinessKey(key(id)).finished().count()).isEqualTo(2);
        act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        postAs("officer1", path, "{\"exception\":\"REMOTE_EXTRACTION\",\"clockFrom\":\"2026-12-04T09:00:00+08:00\",\"reason\":\"x\"}")
                .andExpect(status().isConflict());
    }

    @Test
    @Order(7)
    @LegalRule(value = "C6", model = {"processes/custody/property-loan-extension.bpmn#ServiceTask_RecordLoanExtension",
            "processes/custody/property-loan.bpmn#Timer_LoanOverdue", "org.fengqiao.custody.CustodyManagement#extendLoan"})
    void aLoanIsExtendedByTheDepartmentHeadAndItsTimerFollows_C6() throws Exception {
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        act("officer1", id, "loan-request", "{\"reason\":\"辨认\",\"plannedReturnAt\":\"2026-12-06T10:00:00+08:00\"}");
        act("depthead", id, "loan-approval", "{\"approved\":true}");
        ProcessInstance loan = instance("property-loan", id);
        assertThat(timer(loan).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-06T10:00:00+08:00").toInstant());
        String path = "/api/property-items/" + id + "/loan-extension";
        // the borrower cannot extend his own loan; the department head does
        postAs("officer1", path, "{\"plannedReturnAt\":\"2026-12-10T10:00:00+08:00\",\"reason\":\"鉴定未完\"}")
                .andExpect(status().isForbidden());
        postAs("depthead", path, "{\"plannedReturnAt\":\"2026-12-05T10:00:00+08:00\",\"reason\":\"鉴定未完\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("plannedReturnAt"));
        JsonNode extended = act("depthead", id, "loan-extension",
                "{\"plannedReturnAt\":\"2026-12-10T10:00:00+08:00\",\"reason\":\"鉴定未完\"}");
        assertThat(extended.get("status").asText()).isEqualTo("ON_LOAN");
        assertThat(OffsetDateTime.parse(extended.at("/loan/plannedReturnAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-10T10:00:00+08:00"));
        assertThat(timer(loan).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-10T10:00:00+08:00").toInstant());
        // the extension ran in its own instance: the loan's open inspection of the return shows the new deadline
        assertThat(card(loan, "UserTask_InspectReturn")).containsEntry("状态", "调用中")
                .containsEntry("期限", cardDeadline(OffsetDateTime.parse("2026-12-10T10:00:00+08:00")));
        assertThat(tasks.createTaskQuery().processInstanceId(loan.getId()).taskDefinitionKey("UserTask_InspectReturn")
                .singleResult().getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-10T10:00:00+08:00").toInstant());
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        assertThat(ledger.get(ledger.size() - 1).get("eventType").asText()).isEqualTo("LOAN_EXTEND");
        assertThat(instanceHistory("property-loan-extension", id)).isTrue();
        assertThat(act("custodian", id, "loan-return", "{\"condition\":\"INTACT\"}").get("status").asText())
                .isEqualTo("IN_STORAGE");
    }

    @Test
    @Order(7)
    @LegalRule(value = "C5", model = {"processes/custody/property-measure-period.bpmn#Timer_MeasurePeriodEnds",
            "processes/custody/property-measure-extension.bpmn#ServiceTask_RecordMeasureExtension",
            "org.fengqiao.custody.Measure#hasAdministrativePeriod", "org.fengqiao.custody.CustodyManagement#extendMeasure"})
    void anAdministrativeSeizureLasts30DaysAndIsExtendedOnceBy30ByTheAgencysHead_C5() throws Exception {
        assertThat(properties.administrativeMeasureLimit()).isEqualTo(new TimeLimit(30, DeadlineUnit.CALENDAR_DAYS));
        assertThat(properties.administrativeMeasureExtension()).isEqualTo(new TimeLimit(30, DeadlineUnit.CALENDAR_DAYS));
        TestClock.runFrom(OffsetDateTime.parse("2026-11-02T10:00:00+08:00"));
        String caseId = read(postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"日公（治）立字〔2026〕9号","caseName":"某治安案件","caseType":"ADMINISTRATIVE",
                 "handlingAgencyId":"rz-police","officerIds":["officer1","officer2"]}""").andExpect(status().isCreated()))
                .get("id").asText();
        JsonNode item = read(postAs("officer1", "/api/property-cases/" + caseId + "/items", """
                [{"name":"无证经营的货物","category":"GENERAL","quantity":20,"unit":"箱","measure":"SEIZE",
                  "source":"某商店","seizedAt":"2026-11-02T08:00:00+08:00"}]""").andExpect(status().isCreated())).get(0);
        String id = item.get("id").asText();
        // Monday 2 November + 30 days = Wednesday 2 December
        assertThat(OffsetDateTime.parse(item.get("measureDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-02T23:59:59+08:00"));
        ProcessInstance period = instance("property-measure-period", id);
        assertThat(timer(period).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-12-02T23:59:59+08:00").toInstant());
        String path = "/api/property-items/" + id + "/measure-extension";
        postAs("officer1", path, "{\"reason\":\"案情复杂\"}").andExpect(status().isForbidden());
        postAs("depthead", path, "{\"reason\":\"案情复杂\"}").andExpect(status().isForbidden());
        JsonNode extended = act("agencyhead", id, "measure-extension", "{\"reason\":\"案情复杂，需进一步鉴定\"}");
        OffsetDateTime newDue = OffsetDateTime.parse(extended.get("measureDueAt").asText());
        assertThat(newDue).isEqualTo(custodyCalendar.deadline(OffsetDateTime.parse("2026-12-02T23:59:59+08:00"),
                new TimeLimit(30, DeadlineUnit.CALENDAR_DAYS)));
        assertThat(newDue.toLocalDate()).isAfterOrEqualTo(java.time.LocalDate.parse("2027-01-01"));
        assertThat(timer(period).getDuedate().toInstant()).isEqualTo(newDue.toInstant());
        postAs("agencyhead", path, "{\"reason\":\"再次延长\"}").andExpect(status().isConflict());
        // the period ends with the measure in force: alert and 督办
        moveClock(newDue.plusHours(1));
        management.executeJob(timer(period).getId());
        assertThat(custody.alerts(id)).extracting(CustodyAlert::kind).contains("MEASURE_OVERDUE");
        assertThat(period).isEnded().hasPassed("ServiceTask_RaiseMeasureOverdue", "EndEvent_MeasurePeriodChecked");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        assertThat(ledger.findValuesAsText("eventType")).contains("MEASURE_EXTENDED");
    }

    @Test
    @Order(7)
    @LegalRule(value = "C1", model = {"processes/custody/property-handover-disposal.bpmn#ServiceTask_RecordHandoverDisposal",
            "processes/custody/property-intake.bpmn#MessageEvent_DisposedBeforeHandover",
            "org.fengqiao.custody.CustodyManagement#disposeBeforeHandover"})
    void propertyDisposedOfWithin24HoursOfTheSeizureIsNotHandedOver_C1() throws Exception {
        assertThat(properties.handoverLimit("POLICE")).isEqualTo(new TimeLimit(24, DeadlineUnit.HOURS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        JsonNode registered = read(postAs("officer1", "/api/property-cases/" + caseId + "/items", """
                [{"name":"腐败变质的海鲜","category":"PERISHABLE","quantity":50,"unit":"千克","measure":"SEIZE",
                  "source":"某水产摊位","seizedAt":"2026-12-03T16:00:00+08:00"},
                 {"name":"过期食品","category":"PERISHABLE","quantity":10,"unit":"箱","measure":"SEIZE",
                  "source":"某超市仓库","seizedAt":"2026-12-02T08:00:00+08:00"}]""").andExpect(status().isCreated()));
        String fresh = registered.get(0).get("id").asText();
        String late = registered.get(1).get("id").asText();
        // seized at 16:00 on 3 December: 24 hours (公安 S10 第190条) end at 16:00 on 4 December
        assertThat(OffsetDateTime.parse(registered.get(0).get("handoverDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T16:00:00+08:00"));
        String body = """
                {"disposalType":"DESTROY","disposedAt":"2026-12-04T09:30:00+08:00","documentNo":"日公（治）销字〔2026〕3号",
                 "description":"海鲜已腐败变质，拍照固定后由两名民警监督销毁"}""";
        // the department head approves it, not the officer
        postAs("officer1", "/api/property-items/" + fresh + "/handover-disposal", body).andExpect(status().isForbidden());
        assertThat(texts(read(getAs("depthead", "/api/property-items/" + fresh)).get("allowedActions")))
                .contains("handover-disposal");
        // seized at 08:00 on 2 December: disposed of at 09:00 on 3 December is past the 24 hours — hand it over
        postAs("depthead", "/api/property-items/" + late + "/handover-disposal", """
                {"disposalType":"DESTROY","disposedAt":"2026-12-03T09:00:00+08:00","documentNo":"日公（治）销字〔2026〕4号",
                 "description":"过期食品销毁"}""")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("disposedAt"));
        getAs("officer1", "/api/property-items/" + late).andExpect(jsonPath("$.status").value("PENDING_HANDOVER"));
        ProcessInstance intake = instance("property-intake", fresh);
        JsonNode disposed = act("depthead", fresh, "handover-disposal", body);
        assertThat(disposed.get("status").asText()).isEqualTo("DISPOSED");
        assertThat(disposed.at("/disposal/disposalType").asText()).isEqualTo("DESTROY");
        assertThat(disposed.at("/disposal/approvedBy").asText()).isEqualTo("depthead");
        assertThat(disposed.at("/disposal/legalBasisDocNo").asText()).isEqualTo("日公（治）销字〔2026〕3号");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + fresh + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("DISPOSED_BEFORE_HANDOVER");
        assertThat(OffsetDateTime.parse(last.at("/details/disposedAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T09:30:00+08:00"));
        assertThat(last.at("/details/description").asText()).contains("监督销毁");
        // the hand-over step ended without a hand-over
        assertThat(intake).isEnded().hasPassed("MessageEvent_DisposedBeforeHandover", "EndEvent_DisposedBeforeHandover")
                .hasNotPassed("UserTask_InspectHandover");
        assertThat(instanceHistory("property-handover-disposal", fresh)).isTrue();
        postAs("depthead", "/api/property-items/" + fresh + "/handover-disposal", body).andExpect(status().isConflict());
        assertThat(instance("property-intake", late)).isWaitingAt("UserTask_HandOverItem");
    }

    @Test
    @Order(7)
    @LegalRule(value = "C5", model = {"processes/custody/property-measure-appraisal.bpmn#ServiceTask_RecordMeasureAppraisal",
            "processes/custody/property-measure-period.bpmn#Timer_MeasurePeriodEnds",
            "org.fengqiao.custody.CustodyManagement#recordMeasureAppraisal", "org.fengqiao.custody.AppraisalKind"})
    void theTimeOfAnAppraisalIsNotCountedInTheAdministrativeMeasure_C5() throws Exception {
        assertThat(properties.administrativeMeasureLimit()).isEqualTo(new TimeLimit(30, DeadlineUnit.CALENDAR_DAYS));
        TestClock.runFrom(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"));
        String caseId = read(postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"日公（治）立字〔2026〕11号","caseName":"某销售假冒商品案","caseType":"ADMINISTRATIVE",
                 "handlingAgencyId":"rz-police","officerIds":["officer1","officer2"]}""").andExpect(status().isCreated()))
                .get("id").asText();
        JsonNode item = read(postAs("officer1", "/api/property-cases/" + caseId + "/items", """
                [{"name":"涉嫌假冒的白酒","category":"GENERAL","quantity":30,"unit":"瓶","measure":"SEIZE",
                  "source":"某烟酒店","seizedAt":"2026-11-02T08:00:00+08:00"}]""").andExpect(status().isCreated())).get(0);
        String id = item.get("id").asText();
        // 公安 S10 第112条: 30 days from Monday 2 November = Wednesday 2 December
        assertThat(OffsetDateTime.parse(item.get("measureDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-02T23:59:59+08:00"));
        String path = "/api/property-items/" + id + "/measure-appraisal";
        String appraisal = """
                {"kind":"TECHNICAL_APPRAISAL","startedAt":"2026-11-05T09:00:00+08:00","endedAt":"2026-11-12T09:00:00+08:00",
                 "appraiser":"日照市产品质量检验所","reason":"真伪鉴定"}""";
        postAs("custodian", path, appraisal).andExpect(status().isForbidden());
        postAs("officer1", path, """
                {"kind":"TECHNICAL_APPRAISAL","startedAt":"2026-11-12T09:00:00+08:00","endedAt":"2026-11-05T09:00:00+08:00"}""")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("endedAt"));
        postAs("officer1", path, """
                {"kind":"TESTING","startedAt":"2026-11-18T09:00:00+08:00","endedAt":"2026-11-25T09:00:00+08:00"}""")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("endedAt"));
        // seven days of technical appraisal are not counted: the period ends seven days later, 9 December
        JsonNode recorded = act("officer1", id, "measure-appraisal", appraisal);
        assertThat(OffsetDateTime.parse(recorded.get("measureDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-09T23:59:59+08:00"));
        assertThat(recorded.get("measureExcludedTime").asText()).isEqualTo("PT168H");
        ProcessInstance period = instance("property-measure-period", id);
        assertThat(timer(period).getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-12-09T23:59:59+08:00").toInstant());
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("MEASURE_APPRAISAL");
        assertThat(last.at("/details/kindLabel").asText()).isEqualTo("技术鉴定");
        assertThat(last.at("/details/excluded").asText()).isEqualTo("PT168H");
        assertThat(instanceHistory("property-measure-appraisal", id)).isTrue();
        // the extension by the agency's head counts from the 30 days; the appraisal stays excluded
        JsonNode extended = act("agencyhead", id, "measure-extension", "{\"reason\":\"案情复杂\"}");
        OffsetDateTime expected = custodyCalendar.deadline(OffsetDateTime.parse("2026-12-02T23:59:59+08:00"),
                new TimeLimit(30, DeadlineUnit.CALENDAR_DAYS)).plusDays(7);
        assertThat(OffsetDateTime.parse(extended.get("measureDueAt").asText())).isEqualTo(expected);
        assertThat(timer(period).getDuedate().toInstant()).isEqualTo(expected.toInstant());
        // the period ends (alert and 督办); a quarantine recorded afterwards moves the end again, a new period runs
        moveClock(expected.plusHours(1));
        management.executeJob(timer(period).getId());
        assertThat(custody.alerts(id)).extracting(CustodyAlert::kind).contains("MEASURE_OVERDUE");
        assertThat(period).isEnded();
        JsonNode later = act("officer1", id, "measure-appraisal",
                "{\"kind\":\"QUARANTINE\",\"startedAt\":\"2026-11-13T09:00:00+08:00\",\"endedAt\":\"2026-11-14T21:00:00+08:00\"}");
        OffsetDateTime again = expected.plusHours(36);
        assertThat(OffsetDateTime.parse(later.get("measureDueAt").asText())).isEqualTo(again);
        assertThat(later.get("measureExcludedTime").asText()).isEqualTo("PT204H");
        assertThat(timer(instance("property-measure-period", id)).getDuedate().toInstant()).isEqualTo(again.toInstant());
    }

    @Test
    @Order(7)
    @LegalRule(value = "C7", model = {"processes/custody/property-judgment-delivery.bpmn#UserTask_RecordJudgmentDelivery",
            "processes/custody/property-judgment-delivery.bpmn#Timer_JudgmentDeliveryOverdue",
            "org.fengqiao.custody.CustodyProperties#judgmentDeliveryLimit",
            "org.fengqiao.custody.CustodyManagement#recordJudgmentDelivery"})
    void theCourtDeliversTheJudgmentWithin10DaysOrASupervisionIsRaised_C7() throws Exception {
        // 最高法解释 第447条: the judgment or ruling reaches the seizing organ within 10 days
        assertThat(properties.judgmentDeliveryLimit()).isEqualTo(new TimeLimit(10, DeadlineUnit.CALENDAR_DAYS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        String path = "/api/property-cases/" + caseId + "/judgment-delivery";
        String delivery = "{\"deliveredAt\":\"2026-12-15T08:30:00+08:00\",\"documentNo\":\"（2026）鲁1103刑初9号刑事判决书\"}";
        // nothing is awaited before the judgment took effect
        postAs("officer1", path, "{\"deliveredAt\":\"2026-12-04T08:30:00+08:00\",\"documentNo\":\"x\"}")
                .andExpect(status().isConflict());
        // took effect Friday 4 December: + 10 days = Monday 14 December
        JsonNode concluded = conclude("officer1", caseId);
        assertThat(OffsetDateTime.parse(concluded.get("judgmentDeliveryDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-14T23:59:59+08:00"));
        assertThat(concluded.get("judgmentDeliveryOverdue").asBoolean()).isFalse();
        ProcessInstance delivering = instance("property-judgment-delivery", caseId);
        assertThat(delivering).isWaitingAt("UserTask_RecordJudgmentDelivery");
        assertThat(timer(delivering).getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-12-14T23:59:59+08:00").toInstant());
        // the 10 days pass: an alert and a 督办 on the case's item
        moveClock(OffsetDateTime.parse("2026-12-15T09:00:00+08:00"));
        management.executeJob(timer(delivering).getId());
        assertThat(custody.alerts(id)).extracting(CustodyAlert::kind).contains("JUDGMENT_DELIVERY_OVERDUE");
        assertThat(supervision.forTarget(CustodyManagement.TARGET_TYPE, id)).isNotEmpty();
        assertThat(read(getAs("officer1", "/api/property-cases/" + caseId)).get("judgmentDeliveryOverdue").asBoolean())
                .isTrue();
        // the custodian does not record it; a document number is required
        postAs("custodian", path, delivery).andExpect(status().isForbidden());
        postAs("officer1", path, "{\"deliveredAt\":\"2026-12-15T08:30:00+08:00\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("documentNo"));
        JsonNode delivered = read(postAs("officer1", path, delivery).andExpect(status().isOk()));
        assertThat(OffsetDateTime.parse(delivered.get("judgmentDeliveredAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-15T08:30:00+08:00"));
        assertThat(delivered.get("judgmentDocumentNo").asText()).isEqualTo("（2026）鲁1103刑初9号刑事判决书");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("JUDGMENT_DELIVERED");
        assertThat(last.at("/details/late").asBoolean()).isTrue();
        assertThat(read(getAs("officer1", "/api/property-items/" + id + "/history")).findValuesAsText("action"))
                .contains("judgment-delivery-overdue", "judgment-delivery");
        assertThat(delivering).isEnded().hasPassed("ServiceTask_RaiseJudgmentDeliveryOverdue", "EndEvent_JudgmentDelivered");
        postAs("officer1", path, delivery).andExpect(status().isConflict());
    }

    private boolean instanceHistory(String key, String businessKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(key(businessKey)).finished().count() == 1;
    }

    @Test
    @Order(8)
    void everyFormReferencedByTheModelsIsDeployed() {
        for (ProcessDefinition definition : custodyDefinitions()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).forEach(task -> {
                // the product's embedded form, which renders the step's Camunda Form (deployed beside it)
                assertThat(task.getCamundaFormRef()).as(task.getId()).isNull();
                String formId = org.fengqiao.shared.process.StepForms.formIdOf(null, task.getCamundaFormKey());
                assertThat(task.getCamundaFormKey()).as(task.getId())
                        .isEqualTo("embedded:deployment:custody/forms/" + formId + ".html");
                try (java.io.InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
                        "custody/forms/" + formId + ".form");
                     java.io.InputStream html = repository.getResourceAsStream(definition.getDeploymentId(),
                             "custody/forms/" + formId + ".html")) {
                    JsonNode form = JSON.readTree(in);
                    assertThat(form.get("id").asText()).isEqualTo(formId);
                    assertThat(form.get("type").asText()).isEqualTo("default");
                    assertThat(new String(html.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains("/api/tasklist/tasks/");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaCandidateUsers() != null)
                        .as(task.getId()).isTrue();
            });
            // naming conventions: English ids Type_PascalName, Chinese names on every flow node
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class).forEach(element -> {
                assertThat(element.getId()).as(definition.getKey()).matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z]+");
                if (element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode) {
                    assertThat(element.getName()).as(element.getId()).isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
                }
            });
            assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class))
                    .as("diagram of " + definition.getKey()).isNotEmpty();
            assertThat(definition.getHistoryTimeToLive()).isNotNull();
            assertThat(definition.getVersionTag()).isNotBlank();
        }
    }

    @Test
    @Order(9)
    void anItemsInstancesCarryItsNumberAsBusinessKeyWhileTheApiKeepsItsId() throws Exception {
        String caseId = openPoliceCase();
        JsonNode registered = register("officer1", caseId, "GENERAL").get(0);
        String id = registered.get("id").asText();
        String itemNo = registered.get("itemNo").asText();
        assertThat(itemNo).matches("[A-Z]+-\\d{4}-\\d{6}-\\d{3}");

        ProcessInstance intake = runtime.createProcessInstanceQuery().processDefinitionKey("property-intake")
                .processInstanceBusinessKey(itemNo).singleResult();
        assertThat(intake).as("the intake is listed by the item's 财物编号").isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
                .as("no instance is keyed by the id any more").isZero();
        assertThat(runtime.getVariable(intake.getId(), "itemId")).isEqualTo(id);

        // the API names the item by its id; the gateway finds the task by the number
        JsonNode handedOver = act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        assertThat(handedOver.get("id").asText()).isEqualTo(id);
        act("custodian", id, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-01-01\"}");
        assertThat(intake).isEnded();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(intake.getId()).singleResult()
                .getBusinessKey()).isEqualTo(itemNo);

        // a request through the API: its instance too
        act("officer1", id, "loan-request", "{\"reason\":\"辨认\",\"plannedReturnAt\":\""
                + TestClock.offsetNow().plusDays(1).withNano(0) + "\"}");
        ProcessInstance loan = runtime.createProcessInstanceQuery().processDefinitionKey("property-loan")
                .processInstanceBusinessKey(itemNo).singleResult();
        assertThat(loan).isNotNull();
        assertThat(loan).isWaitingAt("UserTask_ApproveLoan");
        assertThat(runtime.getVariable(loan.getId(), "itemId")).isEqualTo(id);
        assertThat(act("depthead", id, "loan-approval", "{\"approved\":true}").get("status").asText()).isEqualTo("ON_LOAN");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(itemNo).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_InspectReturn");
    }

    @Autowired org.fengqiao.custody.process.ItemNumberKeys itemNumberKeys;

    /** Gives a running instance the business key an older version started it with (the item's id). */
    private void keyedTheOldWay(String processInstanceId, String itemId) {
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> {
                    context.getExecutionManager().findExecutionById(processInstanceId).setProcessBusinessKey(itemId);
                    return null;
                });
    }

    @Test
    @Order(10)
    void instancesOfADatabaseCarriedOverAreKeyedByTheItemsNumberOnceAtStart() throws Exception {
        String caseId = openPoliceCase();
        List<JsonNode> registered = register("officer1", caseId, "GENERAL", "GENERAL");
        String first = registered.get(0).get("id").asText();
        String second = registered.get(1).get("id").asText();
        String firstNo = registered.get(0).get("itemNo").asText();
        String secondNo = registered.get(1).get("itemNo").asText();
        ProcessInstance firstIntake = instance("property-intake", first);
        ProcessInstance secondIntake = instance("property-intake", second);
        // as an older version started them: business key = the item's id
        keyedTheOldWay(firstIntake.getId(), first);
        keyedTheOldWay(secondIntake.getId(), second);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).singleResult().getId())
                .isEqualTo(firstIntake.getId());

        // before the one-off, an instance keyed by the id still works through the API (the delegates map the key)
        act("officer1", second, "handover", "{\"centreId\":\"rz-custody\"}");
        assertThat(items.find(second).orElseThrow().status()).isEqualTo(ItemStatus.HANDOVER_INSPECTION);

        management.deleteProperty(org.fengqiao.custody.process.CustodyProcessGateway.ITEM_NUMBER_KEYS_DONE);
        itemNumberKeys.run();

        assertThat(management.getProperties()).containsKey(org.fengqiao.custody.process.CustodyProcessGateway.ITEM_NUMBER_KEYS_DONE);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(firstIntake.getId()).singleResult().getBusinessKey())
                .isEqualTo(firstNo);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(secondIntake.getId()).singleResult().getBusinessKey())
                .isEqualTo(secondNo);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(firstIntake.getId()).singleResult()
                .getBusinessKey()).as("the history follows").isEqualTo(firstNo);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("%-%-%-%-%").list())
                .extracting(ProcessInstance::getBusinessKey).as("no running item instance keyed by an item's id")
                .noneMatch(k -> items.find(k).isPresent());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(firstNo).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_HandOverItem");

        // the tasks still complete through the API, which keeps naming the items by id
        act("officer1", first, "handover", "{\"centreId\":\"rz-custody\"}");
        act("custodian", first, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-01-01\"}");
        act("custodian", second, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-01-02\"}");
        assertThat(firstIntake).isEnded();
        assertThat(secondIntake).isEnded();
        assertThat(items.find(first).orElseThrow().status()).isEqualTo(ItemStatus.IN_STORAGE);
        assertThat(items.find(second).orElseThrow().status()).isEqualTo(ItemStatus.IN_STORAGE);

        // once per database: a later start leaves the instances alone
        JsonNode third = register("officer1", caseId, "GENERAL").get(0);
        ProcessInstance thirdIntake = instance("property-intake", third.get("id").asText());
        keyedTheOldWay(thirdIntake.getId(), third.get("id").asText());
        itemNumberKeys.run();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(thirdIntake.getId()).singleResult().getBusinessKey())
                .isEqualTo(third.get("id").asText());
        act("officer1", third.get("id").asText(), "handover", "{\"centreId\":\"rz-custody\"}");
    }

    private List<ProcessDefinition> custodyDefinitions() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> d.getKey().startsWith("property-")).toList();
    }

    @Test
    @Order(100)
    void everySequenceFlowOfTheCustodyModelsHasBeenTaken() {
        List<String> missing = new ArrayList<>();
        List<ProcessDefinition> definitions = custodyDefinitions();
        assertThat(definitions).extracting(ProcessDefinition::getKey).containsExactlyInAnyOrder("property-intake",
                "property-loan", "property-transfer", "property-remote-display", "property-disposal",
                "property-inventory", "property-refund", "property-handover-deferral", "property-loan-extension",
                "property-measure-period", "property-measure-extension", "property-handover-disposal",
                "property-measure-appraisal", "property-judgment-delivery");
        for (ProcessDefinition definition : definitions) {
            Map<String, List<HistoricActivityInstance>> byInstance = history.createHistoricActivityInstanceQuery()
                    .processDefinitionId(definition.getId()).list().stream()
                    .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                String source = flow.getSource().getId();
                String target = flow.getTarget().getId();
                boolean taken = byInstance.values().stream().anyMatch(acts -> acts.stream()
                        .filter(s -> s.getActivityId().equals(source))
                        .anyMatch(s -> acts.stream().anyMatch(t -> t.getActivityId().equals(target)
                                && !t.getStartTime().before(s.getStartTime()) && t != s)));
                if (!taken) {
                    missing.add(definition.getKey() + ":" + flow.getId());
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
