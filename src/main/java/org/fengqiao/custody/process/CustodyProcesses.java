package org.fengqiao.custody.process;

/** Process keys, element ids and variable names of the custody models (processes/custody/). */
public final class CustodyProcesses {

    public static final String INTAKE = "property-intake";
    public static final String LOAN = "property-loan";
    public static final String TRANSFER = "property-transfer";
    public static final String REMOTE_DISPLAY = "property-remote-display";
    public static final String DISPOSAL = "property-disposal";
    public static final String INVENTORY = "property-inventory";
    public static final String REFUND = "property-refund";
    public static final String HANDOVER_DEFERRAL = "property-handover-deferral";
    public static final String LOAN_EXTENSION = "property-loan-extension";
    public static final String MEASURE_PERIOD = "property-measure-period";
    public static final String MEASURE_EXTENSION = "property-measure-extension";
    public static final String HANDOVER_DISPOSAL = "property-handover-disposal";
    public static final String MEASURE_APPRAISAL = "property-measure-appraisal";
    public static final String JUDGMENT_DELIVERY = "property-judgment-delivery";

    public static final String TASK_HAND_OVER = "UserTask_HandOverItem";
    public static final String TASK_INSPECT_HANDOVER = "UserTask_InspectHandover";
    public static final String TASK_APPROVE_LOAN = "UserTask_ApproveLoan";
    public static final String TASK_INSPECT_RETURN = "UserTask_InspectReturn";
    public static final String TASK_RECEIVE_TRANSFER = "UserTask_ReceiveTransfer";
    public static final String TASK_APPROVE_DISPOSAL = "UserTask_ApproveDisposal";
    public static final String TASK_EXECUTE_DISPOSAL = "UserTask_ExecuteDisposal";
    public static final String TASK_COUNT_ITEMS = "UserTask_CountItems";
    public static final String TASK_RECORD_JUDGMENT_DELIVERY = "UserTask_RecordJudgmentDelivery";

    public static final String STEP_RECORD_LOAN_REQUEST = "ServiceTask_RecordLoanRequest";
    public static final String STEP_ESCALATE_OVERDUE_LOAN = "ServiceTask_EscalateOverdueLoan";
    public static final String STEP_REPORT_RETURN_EXCEPTION = "ServiceTask_ReportReturnException";
    public static final String STEP_RAISE_HANDOVER_ALERT = "ServiceTask_RaiseHandoverAlert";
    public static final String STEP_RECORD_TRANSFER = "ServiceTask_RecordTransfer";
    public static final String STEP_RECORD_REMOTE_DISPLAY = "ServiceTask_RecordRemoteDisplay";
    public static final String STEP_RECORD_DISPOSAL_REQUEST = "ServiceTask_RecordDisposalRequest";
    public static final String STEP_RECORD_DISCREPANCIES = "ServiceTask_RecordDiscrepancies";
    public static final String STEP_RAISE_DISPOSAL_OVERDUE = "ServiceTask_RaiseDisposalOverdue";
    public static final String STEP_RECORD_REFUND = "ServiceTask_RecordRefund";
    public static final String STEP_RECORD_HANDOVER_DEFERRAL = "ServiceTask_RecordHandoverDeferral";
    public static final String STEP_RECORD_LOAN_EXTENSION = "ServiceTask_RecordLoanExtension";
    public static final String TIMER_LOAN_OVERDUE = "Timer_LoanOverdue";
    public static final String TIMER_MEASURE_PERIOD_ENDS = "Timer_MeasurePeriodEnds";
    public static final String STEP_RAISE_MEASURE_OVERDUE = "ServiceTask_RaiseMeasureOverdue";
    public static final String STEP_RECORD_MEASURE_EXTENSION = "ServiceTask_RecordMeasureExtension";
    public static final String MEASURE_DUE_AT = "measureDueAt";
    public static final String STEP_RECORD_HANDOVER_DISPOSAL = "ServiceTask_RecordHandoverDisposal";
    public static final String STEP_RECORD_MEASURE_APPRAISAL = "ServiceTask_RecordMeasureAppraisal";
    public static final String STEP_RAISE_JUDGMENT_DELIVERY_OVERDUE = "ServiceTask_RaiseJudgmentDeliveryOverdue";
    public static final String TIMER_JUDGMENT_DELIVERY_OVERDUE = "Timer_JudgmentDeliveryOverdue";
    /** the message that ends an item's hand-over step: it was disposed of within 24 h (C1) */
    public static final String MESSAGE_DISPOSED_BEFORE_HANDOVER = "PropertyDisposedBeforeHandover";
    public static final String CASE_ID = "caseId";
    public static final String JUDGMENT_DELIVERY_DUE_AT = "judgmentDeliveryDueAt";

    public static final String TIMER_HANDOVER_OVERDUE = "Timer_HandoverOverdue";
    public static final String TIMER_APPROVAL_OVERDUE = "Timer_ApprovalOverdue";
    public static final String TIMER_EXECUTION_OVERDUE = "Timer_ExecutionOverdue";

    // routing and correlation variables (everything else a form submits is removed after use)
    public static final String ITEM_ID = "itemId";
    public static final String INVENTORY_ID = "inventoryId";
    public static final String HELD = "held";
    public static final String HANDOVER_DUE_AT = "handoverDueAt";
    public static final String OFFICER_IDS = "officerIds";
    public static final String INSPECTION_PASSED = "inspectionPassed";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String PLANNED_RETURN_AT = "plannedReturnAt";
    /** the loan timer's date (a Date; the submitted plannedReturnAt is a transient string) */
    public static final String LOAN_DUE_AT = "loanDueAt";
    public static final String LOAN_APPROVED = "loanApproved";
    public static final String RETURN_INTACT = "returnIntact";
    public static final String RETURN_CONDITION = "returnCondition";
    public static final String RETURN_INSPECTED_BY = "returnInspectedBy";
    public static final String PHYSICAL = "physical";
    public static final String RECEIVING_GROUPS = "receivingGroups";
    public static final String DISPOSAL_APPROVED = "disposalApproved";
    public static final String DISCREPANCIES = "discrepancies";
    public static final String DISPOSAL_DUE_AT = "disposalDueAt";

    /**
     * What the Tasklist's cards show of an item (copied onto every task, see TaskCardVariables): the
     * case's 案号 and name, the item's status and open deadline, its number and name. Recomputed from
     * the domain after every step; never read as input.
     */
    public static final java.util.List<String> CARD = java.util.List.of("caseNo", "caseTitle", "caseStatus",
            "caseDeadline", "itemNo", "itemName");

    /** The start form of property-intake (启动流程: 财物登记). */
    public static final String REGISTRATION_FORM = "property-registration";

    /** An item request the Tasklist's 启动流程 starts: the REST action it is and the start form it shows. */
    public record Request(String action, String formId) {
    }

    /**
     * The requests on one item that the Tasklist starts from 启动流程 (each process's start form), by process
     * key: the same action as {@code POST /api/property-items/{id}/<action>}, its checks and roles.
     */
    public static final java.util.Map<String, Request> REQUESTS = java.util.Map.of(
            LOAN, new Request("loan-request", "property-loan-request"),
            TRANSFER, new Request("transfer", "property-transfer-request"),
            REMOTE_DISPLAY, new Request("remote-display", "property-remote-display"),
            DISPOSAL, new Request("disposal-request", "property-disposal-request"),
            REFUND, new Request("refund", "property-refund"),
            HANDOVER_DEFERRAL, new Request("handover-deferral", "property-handover-deferral"),
            HANDOVER_DISPOSAL, new Request("handover-disposal", "property-handover-disposal"),
            MEASURE_APPRAISAL, new Request("measure-appraisal", "property-measure-appraisal"),
            MEASURE_EXTENSION, new Request("measure-extension", "property-measure-extension"),
            LOAN_EXTENSION, new Request("loan-extension", "property-loan-extension"));

    /** The variables the custody processes keep themselves; a completion may carry only these and its form's fields. */
    public static final java.util.Set<String> PROCESS_OWNED = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            ITEM_ID, INVENTORY_ID, HELD,
            HANDOVER_DUE_AT, OFFICER_IDS, INSPECTION_PASSED, APPROVER_GROUP, PLANNED_RETURN_AT, LOAN_DUE_AT,
            LOAN_APPROVED, RETURN_INTACT, RETURN_CONDITION, RETURN_INSPECTED_BY, PHYSICAL, RECEIVING_GROUPS,
            DISPOSAL_APPROVED, DISCREPANCIES, DISPOSAL_DUE_AT, MEASURE_DUE_AT, CASE_ID, JUDGMENT_DELIVERY_DUE_AT), CARD.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Every custody process (the Tasklist finds a custody task among these definitions). */
    public static final java.util.List<String> ALL = java.util.List.of(INTAKE, LOAN, TRANSFER, REMOTE_DISPLAY, DISPOSAL,
            INVENTORY, REFUND, HANDOVER_DEFERRAL, LOAN_EXTENSION, MEASURE_PERIOD, MEASURE_EXTENSION, HANDOVER_DISPOSAL,
            MEASURE_APPRAISAL, JUDGMENT_DELIVERY);

    /**
     * The item (or inventory, or case) a custody process instance belongs to, from its business key — set by the
     * gateway or the start listener, and no user can change it. The one place that maps a business key to an id:
     * an item's instances carry its 财物编号 ({@link #businessKeyOf}), so that Cockpit and the Tasklist's search
     * show the number people use; instances started before carry the item's id itself, as the inventory's and the
     * judgment delivery's instances carry the inventory's and the case's id. Null for no key.
     */
    public static String itemIdOfBusinessKey(String businessKey, org.fengqiao.custody.PropertyItems items) {
        if (businessKey == null) {
            return null;
        }
        return items.idOfItemNo(businessKey).orElse(businessKey);
    }

    /**
     * The business keys an item's (or inventory's, or case's) instances may carry, the current one first: the
     * item's 财物编号 and, for an instance started before the number became the key, its id; for an id that is no
     * item's, the id alone.
     */
    static java.util.List<String> businessKeysOf(String id, org.fengqiao.custody.PropertyItems items) {
        return items.itemNoOf(id).map(itemNo -> java.util.List.of(itemNo, id)).orElse(java.util.List.of(id));
    }

    /** The business key of an item's process instances: its 财物编号 (e.g. SACW-2026-000001-006). */
    static String businessKeyOf(org.fengqiao.custody.PropertyItem item) {
        return item.itemNo();
    }

    /** The custody processes that run for one item (every one but the inventory's and the case's judgment delivery). */
    static final java.util.List<String> ITEM_PROCESSES = ALL.stream()
            .filter(key -> !INVENTORY.equals(key) && !JUDGMENT_DELIVERY.equals(key)).toList();

    private CustodyProcesses() {
    }
}
