package org.fengqiao.shared;

import java.util.List;

/** Well-formed input that violates a rule; carries one message per offending field. */
public class ValidationException extends DomainException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override public String slug() { return "validation-failed"; }
    @Override public int status() { return 422; }
    @Override public String title() { return "Validation failed"; }
}
