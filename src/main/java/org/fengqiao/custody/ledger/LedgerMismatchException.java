package org.fengqiao.custody.ledger;

import org.fengqiao.shared.DomainException;

/** The ledger does not agree with what was published (or with itself): nothing is signed over it. */
public class LedgerMismatchException extends DomainException {

    public LedgerMismatchException(String message) {
        super(message);
    }

    @Override public String slug() { return "ledger-mismatch"; }
    @Override public int status() { return 409; }
    @Override public String title() { return "Ledger mismatch"; }
}
