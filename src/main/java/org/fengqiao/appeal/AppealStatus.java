package org.fengqiao.appeal;

/** The statuses of state machine B (domain §4). */
public enum AppealStatus {
    REPORTED("已上报"),
    TRIAGE("已研判待派单"),
    DISPATCHED("已派单待签收"),
    RETURNED("已退单"),
    IN_PROGRESS("办理中"),
    FEEDBACK_SUBMITTED("已反馈待审核"),
    RETURN_VISIT("待回访"),
    REOPENED("重办"),
    CLOSED("已结案");

    private final String label;

    AppealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
