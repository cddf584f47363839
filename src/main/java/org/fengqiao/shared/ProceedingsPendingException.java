package org.fengqiao.shared;

/** A disposal that must wait for the end of the proceedings (最高检规则 第250条; rule C17). */
public class ProceedingsPendingException extends DomainException {

    public ProceedingsPendingException(String message) {
        super(message);
    }

    @Override public String slug() { return "proceedings-pending"; }
    @Override public int status() { return 409; }
    @Override public String title() { return "Proceedings pending"; }
}
