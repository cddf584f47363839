package org.fengqiao.custody;

/** State machine C of domain §6.1 as published by the contract. */
public enum ItemStatus {
    PENDING_HANDOVER("待移交"),
    HANDOVER_INSPECTION("交接查验"),
    REGISTERED_NOT_HELD("登记在册(不在库)"),
    IN_STORAGE("在库保管"),
    LOAN_REQUESTED("调用申请中"),
    ON_LOAN("调用中"),
    IN_TRANSFER("移送中"),
    DISPOSAL_REQUESTED("处置申请中"),
    DISPOSAL_APPROVED("处置审批通过"),
    DISPOSED("已处置"),
    EXCEPTION_DAMAGED_OR_LOST("毁损/灭失");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
