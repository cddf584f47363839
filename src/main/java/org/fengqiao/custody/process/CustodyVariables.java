package org.fengqiao.custody.process;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.fengqiao.shared.ValidationException;

/**
 * Typed access to the variables a step receives, whether from the REST facade (strings and
 * booleans) or from a Camunda Form in the Tasklist. Unusable values are refused as 422.
 */
final class CustodyVariables {

    private final VariableScope scope;
    /** where a date-time without offset lies (the Tasklist's form submits local times, to the minute) */
    private final ZoneId zone;

    CustodyVariables(VariableScope scope) {
        this(scope, null);
    }

    CustodyVariables(VariableScope scope, ZoneId zone) {
        this.scope = scope;
        this.zone = zone;
    }

    String string(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.isBlank() ? null : s;
    }

    Boolean bool(String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s);
        }
        throw ValidationException.of(name, "须为 true 或 false (must be a boolean)");
    }

    OffsetDateTime dateTime(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            if (zone != null) {
                try {
                    return java.time.LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toOffsetDateTime();
                } catch (DateTimeParseException local) {
                    throw ValidationException.of(name, "请按“年-月-日 时:分”填写，例如 2026-12-04 09:30 (must be a date-time)");
                }
            }
            throw ValidationException.of(name, "须为带时区的 ISO-8601 时间 (must be an ISO-8601 date-time with offset)");
        }
    }

    java.time.LocalDate date(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(name, "须为 ISO-8601 日期 (must be a date such as 2026-03-01)");
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(name, "取值无效: " + s + " (one of " + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    List<String> list(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        String s = value.toString();
        return s.isBlank() ? List.of() : Arrays.stream(s.split("[,，\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    static Date date(OffsetDateTime value) {
        return value == null ? null : Date.from(value.toInstant());
    }
}
