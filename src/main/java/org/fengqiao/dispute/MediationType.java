package org.fengqiao.dispute;

/** Kind of mediation chosen at triage. */
public enum MediationType {
    PEOPLES("人民调解"),
    ADMINISTRATIVE("行政调解"),
    INDUSTRY_PROFESSIONAL("行业性专业性调解"),
    LAWYER("律师调解"),
    COURT_REFERRED_PRE_FILING("诉前委派调解"),
    COURT_ENTRUSTED("诉中委托调解");

    private final String label;

    MediationType(String label) {
        this.label = label;
    }

    /** 委派 or 委托 by a court (特邀调解规定): the court designates, its materials start the clock, failures go back to it. */
    public boolean courtReferred() {
        return this == COURT_REFERRED_PRE_FILING || this == COURT_ENTRUSTED;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
