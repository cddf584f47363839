package org.fengqiao.dispute;

/** Statuses of state machine A (domain §3.1, contract "Disputes"). */
public enum DisputeStatus {
    TRIAGE("研判分流"),
    ASSIGNED_PENDING_ACCEPT("推送待接收"),
    CONSENT_PENDING("征询对方意愿"),
    MEDIATOR_ASSIGNMENT("指定调解员"),
    IN_MEDIATION("调解中"),
    JUDICIAL_CONFIRMATION("司法确认中"),
    PERFORMANCE_MONITORING("履行督促"),
    RETURN_VISIT("回访"),
    SUPERVISOR_REVIEW("督办复核"),
    TERMINATED_NO_AGREEMENT("调解终止"),
    CLOSED("已结案"),
    ARCHIVED("已归档"),
    REJECTED_NOT_ACCEPTED("不予受理"),
    TRANSFERRED_OUT("移交其他途径");

    private final String label;

    DisputeStatus(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
