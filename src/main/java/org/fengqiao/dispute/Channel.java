package org.fengqiao.dispute;

/** How a dispute reached the centre (domain §3.1 A0). */
public enum Channel {
    PARTY_APPLICATION("当事人申请"),
    GRID_REPORT("网格员上报"),
    HOTLINE_12345("12345热线"),
    PETITION_TRANSFER("信访转办"),
    POLICE_TRANSFER("公安移送"),
    COURT_REFERRAL("法院委派"),
    OWN_INITIATIVE("主动调解"),
    ESCALATED_FROM_LOWER("下级上报");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
