package org.fengqiao.custody;

/** 随案移送 (PHYSICAL) or 单转物不转 (RECORD_ONLY), domain §5.8. */
public enum TransferMode {
    PHYSICAL, RECORD_ONLY
}
