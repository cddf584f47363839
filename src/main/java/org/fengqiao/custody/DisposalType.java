package org.fengqiao.custody;

/** Disposal types of domain §5.9. */
public enum DisposalType {
    RELEASE_UNRELATED, RETURN_ON_TERMINATION, RETURN_VICTIM_PRETRIAL, RETURN_VICTIM_BY_JUDGMENT,
    RETURN_DEFENDANT_LAWFUL, CONFISCATE_TO_TREASURY, AUCTION_SELL_THEN_TREASURY, EARLY_DISPOSAL_SALE, DESTROY,
    HAND_TO_AUTHORITY, RETURN_TO_MANUFACTURER, UNCLAIMED_TO_TREASURY, REFUND_FROM_TREASURY;

    /**
     * Final disposals wait for the end of the proceedings (最高检规则 第250条, C17); release of
     * unrelated property, pre-trial return, early disposal, hand-over to an authority and the
     * destruction of contraband or dangerous goods may come earlier.
     */
    public boolean awaitsEndOfProceedings() {
        return this == CONFISCATE_TO_TREASURY || this == AUCTION_SELL_THEN_TREASURY || this == RETURN_VICTIM_BY_JUDGMENT
                || this == RETURN_DEFENDANT_LAWFUL || this == UNCLAIMED_TO_TREASURY;
    }

    /** Returns hand the property to a person, who must be the owner or an agent (S21-2015 19) — C15. */
    public boolean handsToPerson() {
        return name().startsWith("RETURN_") || this == RELEASE_UNRELATED || this == REFUND_FROM_TREASURY;
    }
}
