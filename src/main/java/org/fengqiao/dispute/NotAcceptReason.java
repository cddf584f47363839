package org.fengqiao.dispute;

/** Why a dispute is not accepted (司法部规定 第22条, domain §3.1 A1). */
public enum NotAcceptReason {
    RESERVED_TO_SPECIAL_ORGAN("法律规定由专门机关处理"),
    ALREADY_ACCEPTED_ELSEWHERE("已由法院、公安或行政机关受理或解决"),
    OUT_OF_SCOPE("不属于调解范围"),
    OTHER("其他");

    private final String label;

    NotAcceptReason(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
