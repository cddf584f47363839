package org.fengqiao.shared;

/** The action's legal window has closed (e.g. 司法确认 after 30 days). */
public class DeadlinePassedException extends DomainException {

    public DeadlinePassedException(String message) {
        super(message);
    }

    @Override public String slug() { return "deadline-passed"; }
    @Override public int status() { return 409; }
    @Override public String title() { return "Deadline passed"; }
}
