package org.fengqiao.dispute;

/** Outcome of 研判分流. */
public enum TriageDecision {
    ACCEPT("受理并分流"),
    NOT_ACCEPT("不予受理"),
    TRANSFER_OUT("移交其他途径");

    private final String label;

    TriageDecision(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
