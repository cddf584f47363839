package org.fengqiao.dispute;

/** Role of a party. */
public enum PartyRole {
    APPLICANT("申请人"),
    RESPONDENT("被申请人"),
    THIRD_PARTY("第三人"),
    REPRESENTATIVE("代表人"),
    AGENT("代理人");

    private final String label;

    PartyRole(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
