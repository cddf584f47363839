package org.fengqiao.custody;

/** Event types of the custody ledger (domain §7.3), each tied to the action that produces it. */
public enum LedgerEventType {
    REGISTER("registration"),
    HANDOVER_IN("handover"),
    INSPECT("inspection"),
    STORE("inspection"),
    LOAN_REQUEST("loan-request"),
    LOAN_OUT("loan-approval"),
    LOAN_REJECTED("loan-approval"),
    LOAN_RETURN("loan-return"),
    /** 调用延期 approved by the department head (C6; no change of status) */
    LOAN_EXTEND("loan-extension"),
    TRANSFER_OUT("transfer"),
    TRANSFER_IN("transfer-receipt"),
    OWNERSHIP_TRANSFER_ONLY("transfer"),
    REMOTE_DISPLAY("remote-display"),
    DISPOSAL_REQUEST("disposal-request"),
    DISPOSAL_APPROVED("disposal-approval"),
    DISPOSAL_REJECTED("disposal-approval"),
    DISPOSE("disposal-execution"),
    DESTROY("disposal-execution"),
    EXCEPTION("inventory"),
    /** the hand-over clock started again: remote extraction or urgent appraisal (C1; no change of status) */
    HANDOVER_DEFERRED("handover-deferral"),
    /** an administrative measure extended by the agency's head (C5; no change of status) */
    MEASURE_EXTENDED("measure-extension"),
    /** an appraisal's time excluded from an administrative measure's period (C5; no change of status) */
    MEASURE_APPRAISAL("measure-appraisal"),
    /** property disposed of within 24 h of the seizure, never handed over (C1) */
    DISPOSED_BEFORE_HANDOVER("handover-disposal"),
    /** the court's effective judgment delivered to the seizing organ (C7; no change of status) */
    JUDGMENT_DELIVERED("judgment-delivery"),
    /** unclaimed property remitted to the treasury returned to its owner (C10; status stays DISPOSED) */
    REFUND_FROM_TREASURY("refund"),
    /** the case's proceedings reached another stage (C17; no change of status) */
    STAGE_CHANGED("stage"),
    /** a deadline computed again after a year's calendar was entered (no change of status) */
    DEADLINE_RECOMPUTED("deadline-recomputed");

    private final String action;

    LedgerEventType(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
