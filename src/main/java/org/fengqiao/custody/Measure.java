package org.fengqiao.custody;

/** The measure by which the property was obtained (domain §7.3). */
public enum Measure {
    SEIZE, SEAL_UP, FREEZE, RETAIN, OBTAIN, PRE_REGISTER_PRESERVE, SAMPLE, RECOVER, CONFISCATE_ADMIN,
    RECEIVED_FROM_AGENCY;

    /**
     * 查封, 冻结 and 先行登记保存 leave the property where it is: it is registered with the centre
     * (within 24 h, C2), never forced into a physical hand-over (公安 S10 第190条; S21-2010 第12条).
     */
    /** 扣押, 扣留, 查封 in an administrative case last 30 days, +30 with approval (公安 S10 第112条, C5). */
    public boolean hasAdministrativePeriod() {
        return this == SEIZE || this == RETAIN || this == SEAL_UP;
    }

    public boolean leavesPropertyInPlace() {
        return this == SEAL_UP || this == FREEZE || this == PRE_REGISTER_PRESERVE;
    }
}
