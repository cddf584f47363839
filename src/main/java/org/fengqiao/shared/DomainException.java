package org.fengqiao.shared;

/**
 * A refusal by the domain. Each subtype corresponds to one problem type of the REST contract; the
 * Tasklist shows the message as it is, so messages are written for the person doing the work.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** The problem slug of {@code /problems/<slug>}. */
    public abstract String slug();

    /** The HTTP status the facade answers with. */
    public abstract int status();

    /** Short English title of the problem type. */
    public abstract String title();
}
