package org.fengqiao.custody;

/** The measure by which the property was obtained (domain §7.3). */
public enum Measure {
    SEIZE, SEAL_UP, FREEZE, RETAIN, OBTAIN, PRE_REGISTER_PRESERVE, SAMPLE, RECOVER, CONFISCATE_ADMIN,
    RECEIVED_FROM_AGENCY;

    /**
     * 查封, 冻结 and 先行登记保存 leave the property where it is: it is registered with the centre
     * (within 24 h, C2), never forced into a physical hand-over (公安 S10 第190条; S21-2010 第12条).
     */
    public boolean leavesPropertyInPlace() {
        return this == SEAL_UP || this == FREEZE || this == PRE_REGISTER_PRESERVE;
    }
}
