package org.fengqiao.dispute;

/** 推送 (the organisation may decline) or 指定 (mandatory). */
public enum AssignmentMode {
    PUSH("推送"),
    DESIGNATE("指定");

    private final String label;

    AssignmentMode(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
