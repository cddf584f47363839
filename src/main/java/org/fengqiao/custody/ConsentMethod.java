package org.fengqiao.custody;

/** How the right-holder agreed to an early disposal (C13): a written consent or the holder's own application. */
public enum ConsentMethod {
    /** 权利人书面同意 */
    WRITTEN_CONSENT,
    /** 权利人申请先行处置 */
    APPLICATION
}
