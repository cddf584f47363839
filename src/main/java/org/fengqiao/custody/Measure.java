package org.fengqiao.custody;

/** The measure by which the property was obtained (domain §7.3). */
public enum Measure {
    SEIZE, SEAL_UP, FREEZE, RETAIN, OBTAIN, PRE_REGISTER_PRESERVE, SAMPLE, RECOVER, CONFISCATE_ADMIN,
    RECEIVED_FROM_AGENCY
}
