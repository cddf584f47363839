package org.fengqiao.custody;

/**
 * The stage of the proceedings a property case is in (C17). Final disposals wait for
 * {@link #CONCLUDED} (最高检规则 第250条: no disposal before the proceedings end, except the
 * victims' property and property unrelated to the case).
 */
public enum ProceedingsStage {
    INVESTIGATION("侦查/调查"),
    PROSECUTION("审查起诉"),
    TRIAL("审判"),
    CONCLUDED("诉讼终结");

    private final String label;

    ProceedingsStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
