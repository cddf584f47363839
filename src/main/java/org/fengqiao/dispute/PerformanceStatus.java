package org.fengqiao.dispute;

/** Performance of the agreement. */
public enum PerformanceStatus {
    DONE("履行完毕"),
    PARTIAL("部分履行"),
    DEFAULTED("拒不履行");

    private final String label;

    PerformanceStatus(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
