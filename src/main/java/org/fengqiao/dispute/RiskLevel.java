package org.fengqiao.dispute;

/** Risk of intensification (高/中/低). */
public enum RiskLevel {
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
