package org.fengqiao.dispute;

/** Routes a party is told of when mediation ends without agreement (人民调解法 第26条). */
public enum InformedRoute {
    ARBITRATION("仲裁"),
    ADMINISTRATIVE("行政途径"),
    LITIGATION("诉讼");

    private final String label;

    InformedRoute(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
