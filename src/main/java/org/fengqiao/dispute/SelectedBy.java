package org.fengqiao.dispute;

/** Who chose the mediators (人民调解法 第19条). */
public enum SelectedBy {
    ORG("调解组织指定"),
    PARTIES("当事人选定"),
    COURT("法院指定");

    private final String label;

    SelectedBy(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
