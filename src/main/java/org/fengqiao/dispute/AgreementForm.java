package org.fengqiao.dispute;

/** Written or oral agreement (人民调解法 第28条). */
public enum AgreementForm {
    WRITTEN("书面协议"),
    ORAL("口头协议");

    private final String label;

    AgreementForm(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
