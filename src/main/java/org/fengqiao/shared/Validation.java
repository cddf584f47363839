package org.fengqiao.shared;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;

/**
 * Collects field errors of one command and throws them together, so a caller sees every problem of
 * a request at once. Text limits follow the contract: titles 200, names 100, free text 10,000.
 */
public final class Validation {

    public static final int TITLE_MAX = 200;
    public static final int NAME_MAX = 100;
    public static final int TEXT_MAX = 10_000;
    public static final String REQUIRED = "必填 (required)";

    /**
     * A mainland phone number: a mobile number (11 digits from 13…19…, optionally after +86, spaces or
     * hyphens between the groups 3-4-4) or a landline (区号 0 + 2–3 digits, a space or hyphen, then 7–8
     * digits not starting with 0 or 1; the local number alone; an extension after '-' or '转').
     * Blank, or spaces around the number, are accepted (an optional field; the number is stored stripped).
     * The same expression is the OpenAPI document's {@code pattern}.
     */
    public static final String PHONE_PATTERN =
            "^ *(?:(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}|(?:0\\d{2,3}[- ]?)?[2-9]\\d{6,7}(?:(?:-|转)\\d{1,6})?)? *$";
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile(PHONE_PATTERN);

    /**
     * The Bean Validation constraints declared on the command records ({@code @NotBlank},
     * {@code @NotNull}, {@link Text}, {@code @Size}); the OpenAPI document shows them. Services
     * call {@link #constraints(Object)} after their access and state checks, so that the error
     * precedence (401, 404, 403, 409, 422) holds whichever door the command came through.
     */
    private static final jakarta.validation.Validator CONSTRAINTS =
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    /** Adds one error per violated constraint of the command, named by its property path. */
    public Validation constraints(Object command) {
        if (command != null) {
            CONSTRAINTS.validate(command).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                    .forEach(v -> errors.add(new ValidationException.FieldError(v.getPropertyPath().toString(),
                            v.getMessage())));
        }
        return this;
    }

    public Validation require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())) {
            errors.add(new ValidationException.FieldError(field, REQUIRED));
        }
        return this;
    }

    public Validation maxLength(String value, int max, String field) {
        if (value != null && !isStorableText(value)) {
            errors.add(new ValidationException.FieldError(field, "含有无效字符（NUL 或不成对的代理字符）(contains NUL or an unpaired surrogate)"));
        } else if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(new ValidationException.FieldError(field, "长度不能超过 " + max + " 个字符 (at most " + max + " characters)"));
        }
        return this;
    }

    /** Any Unicode text is fine, except NUL (PostgreSQL cannot store it) and broken UTF-16. */
    public static boolean isStorableText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == 0) {
                return false;
            }
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    public Validation title(String value, String field) {
        return maxLength(value, TITLE_MAX, field);
    }

    public Validation name(String value, String field) {
        return maxLength(value, NAME_MAX, field);
    }

    public Validation text(String value, String field) {
        return maxLength(value, TEXT_MAX, field);
    }

    /** A mainland mobile or landline number ({@link #PHONE_PATTERN}), if given; surrounding blanks are ignored. */
    public Validation phone(String value, String field) {
        if (value != null && !value.isBlank() && !PHONE.matcher(value.strip()).matches()) {
            errors.add(new ValidationException.FieldError(field,
                    "请填写 11 位手机号码或固定电话（如 13800001111、0633-8000000）(a mainland mobile or landline number)"));
        }
        return this;
    }

    public Validation money(BigDecimal value, String field) {
        if (value != null) {
            if (value.signum() < 0) {
                errors.add(new ValidationException.FieldError(field, "金额不能为负 (must not be negative)"));
            } else if (value.stripTrailingZeros().scale() > 2) {
                errors.add(new ValidationException.FieldError(field, "金额最多两位小数 (at most 2 decimals)"));
            } else if (value.compareTo(new BigDecimal("1000000000000")) >= 0) {
                errors.add(new ValidationException.FieldError(field, "金额过大 (too large)"));
            }
        }
        return this;
    }

    public Validation notInFuture(OffsetDateTime value, OffsetDateTime now, String field) {
        if (value != null && value.isAfter(now.plusMinutes(5))) {
            errors.add(new ValidationException.FieldError(field, "不能晚于当前时间 (must not lie in the future)"));
        }
        return this;
    }

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new ValidationException.FieldError(field, message));
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
