package org.fengqiao.dispute;

/** Outcome of a case in a final status (domain §3.1 A13). */
public enum Outcome {
    SUCCESS_WRITTEN("调解成功（书面协议）"),
    SUCCESS_ORAL("调解成功（口头协议）"),
    FAILED("调解不成"),
    REFUSED_BY_PARTY("当事人拒绝调解"),
    WITHDRAWN("当事人撤回"),
    NOT_ACCEPTED("不予受理"),
    TRANSFERRED("移交其他途径");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
