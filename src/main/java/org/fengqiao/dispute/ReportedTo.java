package org.fengqiao.dispute;

/** Where a risk of intensification is reported (人民调解法 第25条, rule D18). */
public enum ReportedTo {
    POLICE("公安机关"),
    LOCAL_GOVERNMENT("当地人民政府"),
    OTHER_AUTHORITY("其他有关部门");

    private final String label;

    ReportedTo(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
