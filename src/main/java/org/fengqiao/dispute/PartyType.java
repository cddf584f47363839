package org.fengqiao.dispute;

/** Natural person, legal person or other organisation. */
public enum PartyType {
    NATURAL("自然人"),
    LEGAL("法人"),
    OTHER_ORG("其他组织");

    private final String label;

    PartyType(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
