package org.fengqiao.custody;

/** Categories of domain §5.2; each drives a handling rule. */
public enum PropertyCategory {
    CASH, NEGOTIABLE, FROZEN_ASSET, VALUABLE, VEHICLE_VESSEL_AIRCRAFT, REAL_ESTATE, PERISHABLE, DANGEROUS,
    CONTRABAND, PROTECTED_CULTURAL_WILDLIFE, ELECTRONIC_DATA, DOCUMENT, BULK, MIXED_INDIVISIBLE, GENERAL;

    /** Registered, not held by the centre (查封/冻结: real estate, frozen accounts) — C2. */
    public boolean notHeld() {
        return this == FROZEN_ASSET || this == REAL_ESTATE;
    }

    /** Not moved physically with the case; the list/photos go instead (刑诉法 245; S21-2015 18) — C16. */
    public boolean notPhysicallyTransferable() {
        return this == DANGEROUS || this == BULK || this == PERISHABLE || this == REAL_ESTATE || this == FROZEN_ASSET;
    }
}
