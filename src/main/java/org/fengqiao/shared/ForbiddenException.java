package org.fengqiao.shared;

/** Authenticated, but the caller's role or relation to the case does not allow the action. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override public String slug() { return "forbidden"; }
    @Override public int status() { return 403; }
    @Override public String title() { return "Forbidden"; }
}
