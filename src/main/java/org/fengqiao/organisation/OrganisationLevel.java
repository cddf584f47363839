package org.fengqiao.organisation;

/** Administrative level, from the lowest to the highest; escalation goes up this order. */
public enum OrganisationLevel {
    VILLAGE("村（社区）"), TOWN("乡镇（街道）"), COUNTY("县（区）"), CITY("市");

    private final String label;

    OrganisationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isHigherThan(OrganisationLevel other) {
        return ordinal() > other.ordinal();
    }
}
