package org.fengqiao.dispute;

/** Dossier documents, 一案一卷 (domain §3.1 A14). */
public enum DocumentType {
    APPLICATION("申请书或受理登记表"),
    RIGHTS_NOTICE("权利义务告知书"),
    IDENTITY_PROOF("当事人身份证明"),
    AUTHORISATION("授权委托书"),
    INVESTIGATION_RECORD("调查记录"),
    EVIDENCE("证据材料"),
    MEDIATION_RECORD("调解记录"),
    AGREEMENT("调解协议书"),
    PERFORMANCE_PROOF("履行凭证"),
    RETURN_VISIT_RECORD("回访记录"),
    JUDICIAL_CONFIRMATION("司法确认材料"),
    CASE_NOTE("卷宗情况说明"),
    BACK_COVER("封底");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
