package org.fengqiao.dispute;

/** The respondents answer when asked to mediate (人民调解法 第17条). */
public enum RespondentConsent {
    AGREED("同意调解"),
    REFUSED("明确拒绝"),
    UNREACHABLE("无法联系");

    private final String label;

    RespondentConsent(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
