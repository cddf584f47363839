package org.fengqiao.dispute;

/** Triage complexity. */
public enum Complexity {
    SIMPLE("简单"),
    ORDINARY("一般"),
    COMPLEX("复杂"),
    DIFFICULT("疑难");

    private final String label;

    Complexity(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
