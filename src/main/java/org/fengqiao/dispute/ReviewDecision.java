package org.fengqiao.dispute;

/** Supervisors decision after a dissatisfied return visit. */
public enum ReviewDecision {
    REOPEN("重新调解"),
    CLOSE("结案");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
