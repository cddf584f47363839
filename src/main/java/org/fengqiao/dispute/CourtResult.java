package org.fengqiao.dispute;

/** The courts decision on judicial confirmation (民事诉讼法 第206条). */
public enum CourtResult {
    CONFIRMED_VALID("裁定调解协议有效"),
    REJECTED("裁定驳回申请"),
    WITHDRAWN("撤回申请");

    private final String label;

    CourtResult(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
