package org.fengqiao.custody;

/** Storage zones; RESTRICTED is a 专区 owned by one agency (domain §6.4). */
public enum ZoneType {
    ORDINARY, VALUABLES, HAZARDOUS, VEHICLE, COLD, ANTI_MAGNETIC, RESTRICTED
}
