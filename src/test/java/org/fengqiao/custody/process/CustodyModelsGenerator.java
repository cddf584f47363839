package org.fengqiao.custody.process;

import java.io.File;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;

/**
 * Writes the custody BPMN models (with diagram coordinates) into processes/custody/. The .bpmn
 * files are the source of truth once written and are committed; this class documents how they
 * were laid out and regenerates them after a structural change:
 * {@code java -cp target/test-classes:$(cat cp.txt) org.fengqiao.custody.process.CustodyModelsGenerator processes/custody}
 */
public final class CustodyModelsGenerator {

    private static final String COMPLETE = "${custodyTaskCompletion}";
    private static final String STEP = "${custodyServiceStep}";
    private static final String VERSION = "1.0.0";
    private static final int TTL = 3650;

    public static void main(String[] args) {
        File dir = new File(args.length > 0 ? args[0] : "processes/custody");
        write(dir, "property-intake", intake());
        write(dir, "property-loan", loan());
        write(dir, "property-transfer", transfer());
        write(dir, "property-remote-display", remoteDisplay());
        write(dir, "property-disposal", disposal());
        write(dir, "property-inventory", inventory());
    }

    private static void write(File dir, String key, BpmnModelInstance model) {
        Bpmn.validateModel(model);
        Bpmn.writeModelToFile(new File(dir, key + ".bpmn"), model);
    }

    private static ProcessBuilder process(String key, String name) {
        return Bpmn.createExecutableProcess(key).name(name).camundaHistoryTimeToLive(TTL).camundaVersionTag(VERSION);
    }

    /**
     * An item request's start event: the product's embedded form renders the Camunda Form {@code form} (the single
     * source of its fields) with the item picker, and {@code custodyRequestStart} makes an instance started from the
     * Tasklist's 启动流程 the request of the picked item, with the API's checks.
     */
    private static StartEventBuilder startForm(ProcessBuilder p, String id, String name, String form) {
        return p.startEvent(id).name(name).camundaFormKey("embedded:deployment:custody/forms/" + form + ".html")
                .camundaExecutionListenerDelegateExpression("start", "${custodyRequestStart}");
    }

    static BpmnModelInstance intake() {
        BpmnModelInstance model = process("property-intake", "涉案财物登记入库")
                .startEvent("StartEvent_ItemRegistered").name("财物已登记")
                .camundaFormKey("embedded:deployment:custody/forms/property-registration.html")
                .camundaExecutionListenerDelegateExpression("start", "${custodyRegistration}")
                .sequenceFlowId("Flow_ToHeldGateway")
                .exclusiveGateway("Gateway_HeldByCentre").name("是否实物入库？")
                .sequenceFlowId("Flow_Held").condition("实物入库", "${held}")
                .userTask("UserTask_HandOverItem").name("移交财物入库")
                .camundaCandidateUsers("${officerIds}").camundaDueDate("${handoverDueAt}")
                .camundaFormKey("embedded:deployment:custody/forms/property-handover.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToInspection")
                .userTask("UserTask_InspectHandover").name("交接查验财物")
                .camundaCandidateGroups("custodian")
                .camundaFormKey("embedded:deployment:custody/forms/property-inspection.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToInspectionResult")
                .exclusiveGateway("Gateway_InspectionResult").name("查验是否相符？")
                .sequenceFlowId("Flow_InspectionPassed").condition("相符", "${inspectionPassed}")
                .endEvent("EndEvent_ItemStored").name("财物已入库")
                .moveToNode("Gateway_InspectionResult")
                .sequenceFlowId("Flow_InspectionMismatch").condition("不符，补正后重新移交", "${!inspectionPassed}")
                .connectTo("UserTask_HandOverItem")
                .moveToNode("Gateway_HeldByCentre")
                .sequenceFlowId("Flow_NotHeld").condition("登记在册不入库", "${!held}")
                .endEvent("EndEvent_RegisteredNotHeld").name("登记在册(不在库)")
                .moveToActivity("UserTask_HandOverItem")
                .boundaryEvent("Timer_HandoverOverdue").name("移交期限届满").cancelActivity(false)
                .timerWithDate("${handoverDueAt}")
                .sequenceFlowId("Flow_ToHandoverAlert")
                .serviceTask("ServiceTask_RaiseHandoverAlert").name("发出超期未入库预警并督办")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToHandoverAlertRaised")
                .endEvent("EndEvent_HandoverAlertRaised").name("已督办")
                .done();
        return model;
    }

    static BpmnModelInstance loan() {
        ProcessBuilder p = process("property-loan", "涉案财物调用");
        return startForm(p, "StartEvent_LoanRequested", "提出调用申请", "property-loan-request")
                .sequenceFlowId("Flow_ToRecordLoanRequest")
                .serviceTask("ServiceTask_RecordLoanRequest").name("登记调用申请")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToApproveLoan")
                .userTask("UserTask_ApproveLoan").name("审批调用申请")
                .camundaCandidateGroups("${approverGroup}")
                .camundaFormKey("embedded:deployment:custody/forms/property-loan-approval.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToLoanApproved")
                .exclusiveGateway("Gateway_LoanApproved").name("是否批准？")
                .sequenceFlowId("Flow_LoanApproved").condition("批准，出库", "${loanApproved}")
                .userTask("UserTask_InspectReturn").name("归还查验入库")
                .camundaCandidateGroups("custodian").camundaDueDate("${loanDueAt}")
                .camundaFormKey("embedded:deployment:custody/forms/property-loan-return.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToReturnCondition")
                .exclusiveGateway("Gateway_ReturnCondition").name("归还时是否完好？")
                .sequenceFlowId("Flow_ReturnIntact").condition("完好", "${returnIntact}")
                .endEvent("EndEvent_ItemReturned").name("财物已归还入库")
                .moveToNode("Gateway_ReturnCondition")
                .sequenceFlowId("Flow_ReturnDefective").condition("损毁、短少、调换或灭失", "${!returnIntact}")
                .serviceTask("ServiceTask_ReportReturnException").name("记录异常并报告双方部门负责人")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToExceptionRecorded")
                .endEvent("EndEvent_ExceptionRecorded").name("异常已记录")
                .moveToNode("Gateway_LoanApproved")
                .sequenceFlowId("Flow_LoanRejected").condition("不批准", "${!loanApproved}")
                .endEvent("EndEvent_LoanRejected").name("调用未获批准")
                .moveToActivity("UserTask_InspectReturn")
                .boundaryEvent("Timer_LoanOverdue").name("调用归还时间届满").cancelActivity(false)
                .timerWithDate("${loanDueAt}")
                .sequenceFlowId("Flow_ToEscalateOverdueLoan")
                .serviceTask("ServiceTask_EscalateOverdueLoan").name("调用超期报告双方部门负责人")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToOverdueEscalated")
                .endEvent("EndEvent_OverdueEscalated").name("已督办")
                .done();
    }

    static BpmnModelInstance transfer() {
        ProcessBuilder p = process("property-transfer", "涉案财物移送");
        return startForm(p, "StartEvent_TransferRequested", "提出移送", "property-transfer-request")
                .sequenceFlowId("Flow_ToRecordTransfer")
                .serviceTask("ServiceTask_RecordTransfer").name("登记移送")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToTransferMode")
                .exclusiveGateway("Gateway_TransferMode").name("移送方式？")
                .sequenceFlowId("Flow_Physical").condition("随案移送实物", "${physical}")
                .userTask("UserTask_ReceiveTransfer").name("接收机关签收")
                .camundaCandidateGroups("${receivingGroups}")
                .camundaFormKey("embedded:deployment:custody/forms/property-transfer-receipt.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToTransferReceived")
                .endEvent("EndEvent_TransferReceived").name("已签收入库")
                .moveToNode("Gateway_TransferMode")
                .sequenceFlowId("Flow_RecordOnly").condition("单转物不转", "${!physical}")
                .endEvent("EndEvent_RecordTransferred").name("权属已移交")
                .done();
    }

    static BpmnModelInstance remoteDisplay() {
        ProcessBuilder p = process("property-remote-display", "涉案财物远程示证");
        return startForm(p, "StartEvent_DisplayRequested", "收到远程示证请求", "property-remote-display")
                .sequenceFlowId("Flow_ToRecordRemoteDisplay")
                .serviceTask("ServiceTask_RecordRemoteDisplay").name("记录远程示证")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToDisplayRecorded")
                .endEvent("EndEvent_DisplayRecorded").name("示证已记录")
                .done();
    }

    static BpmnModelInstance disposal() {
        ProcessBuilder p = process("property-disposal", "涉案财物处置");
        return startForm(p, "StartEvent_DisposalRequested", "提出处置申请", "property-disposal-request")
                .sequenceFlowId("Flow_ToRecordDisposalRequest")
                .serviceTask("ServiceTask_RecordDisposalRequest").name("确定审批权限并登记处置申请")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToApproveDisposal")
                .userTask("UserTask_ApproveDisposal").name("审批处置申请")
                .camundaCandidateGroups("${approverGroup}")
                .camundaFormKey("embedded:deployment:custody/forms/property-disposal-approval.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToDisposalApproved")
                .exclusiveGateway("Gateway_DisposalApproved").name("是否批准？")
                .sequenceFlowId("Flow_DisposalApproved").condition("批准", "${disposalApproved}")
                .userTask("UserTask_ExecuteDisposal").name("执行处置")
                .camundaCandidateGroups("custodian")
                .camundaFormKey("embedded:deployment:custody/forms/property-disposal-execution.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToDisposed")
                .endEvent("EndEvent_Disposed").name("已处置")
                .moveToNode("Gateway_DisposalApproved")
                .sequenceFlowId("Flow_DisposalRejected").condition("不批准", "${!disposalApproved}")
                .endEvent("EndEvent_DisposalRejected").name("处置未获批准")
                .moveToActivity("UserTask_ApproveDisposal")
                .boundaryEvent("Timer_ApprovalOverdue").name("处置期限届满(审批中)").cancelActivity(false)
                .timerWithDate("${disposalDueAt}")
                .sequenceFlowId("Flow_ApprovalOverdue")
                .exclusiveGateway("Gateway_DisposalOverdue").name("处置超期")
                .sequenceFlowId("Flow_ToRaiseDisposalOverdue")
                .serviceTask("ServiceTask_RaiseDisposalOverdue").name("处置超期督办")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToDisposalOverdueRaised")
                .endEvent("EndEvent_DisposalOverdueRaised").name("已督办")
                .moveToActivity("UserTask_ExecuteDisposal")
                .boundaryEvent("Timer_ExecutionOverdue").name("处置期限届满(待执行)").cancelActivity(false)
                .timerWithDate("${disposalDueAt}")
                .sequenceFlowId("Flow_ExecutionOverdue")
                .connectTo("Gateway_DisposalOverdue")
                .done();
    }

    static BpmnModelInstance inventory() {
        return process("property-inventory", "涉案财物盘点")
                .startEvent("StartEvent_InventoryStarted").name("盘点开始")
                .sequenceFlowId("Flow_ToCountItems")
                .userTask("UserTask_CountItems").name("清点财物")
                .camundaCandidateGroups("custodian")
                .camundaFormKey("embedded:deployment:custody/forms/property-inventory-count.html")
                .camundaTaskListenerDelegateExpression("complete", COMPLETE)
                .sequenceFlowId("Flow_ToDiscrepancies")
                .exclusiveGateway("Gateway_Discrepancies").name("账实是否相符？")
                .sequenceFlowId("Flow_Reconciled").condition("相符", "${discrepancies == 0}")
                .endEvent("EndEvent_Reconciled").name("账实相符")
                .moveToNode("Gateway_Discrepancies")
                .sequenceFlowId("Flow_Discrepancies").condition("不符", "${discrepancies > 0}")
                .serviceTask("ServiceTask_RecordDiscrepancies").name("登记盘点差异为异常")
                .camundaDelegateExpression(STEP)
                .sequenceFlowId("Flow_ToDiscrepanciesRecorded")
                .endEvent("EndEvent_DiscrepanciesRecorded").name("差异已登记")
                .done();
    }

    private CustodyModelsGenerator() {
    }
}
