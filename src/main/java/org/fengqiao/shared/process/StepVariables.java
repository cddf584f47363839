package org.fengqiao.shared.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.fengqiao.shared.ValidationException;

/**
 * Typed reading of what a step submitted (every module's task listeners use it): the same values arrive as JSON-typed variables from the
 * REST facade and as strings, numbers and booleans from a Camunda Form in the Tasklist. A value of
 * the wrong shape is a 422 on its field.
 */
public final class StepVariables {

    private final Map<String, Object> values;
    private final ZoneId zone;

    public StepVariables(Map<String, Object> values, ZoneId zone) {
        this.values = values;
        this.zone = zone;
    }

    private Object raw(String key) {
        Object value = values.get(key);
        if (value instanceof String s && s.isBlank()) {
            return null;
        }
        return value;
    }

    public String string(String key) {
        Object value = raw(key);
        return value == null ? null : value.toString();
    }

    public <E extends Enum<E>> E enumOf(String key, Class<E> type) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(key, "无效的取值 '" + value + "' (unknown value)");
        }
    }

    public Boolean bool(String key) {
        Object value = raw(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String s = value.toString().trim().toLowerCase();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        throw ValidationException.of(key, "必须是 true 或 false (must be a boolean)");
    }

    public Integer integer(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
            return number.intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw ValidationException.of(key, "必须是整数 (must be a whole number)");
        }
    }

    public BigDecimal decimal(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of(key, "必须是数字 (must be a number)");
        }
    }

    public OffsetDateTime dateTime(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toOffsetDateTime();
        }
        String s = value.toString().trim();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime();
                } catch (DateTimeParseException e) {
                    throw ValidationException.of(key, "必须是日期时间，如 2026-03-01T09:30:00+08:00 (must be a date-time)");
                }
            }
        }
    }

    public LocalDate date(String key) {
        Object value = raw(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(key, "必须是日期，如 2026-03-01 (must be a date)");
        }
    }

    public List<String> strings(String key) {
        Object value = raw(key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Collection<?> c) {
            c.stream().filter(o -> o != null).map(Object::toString).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(result::add);
            return result;
        }
        for (String part : value.toString().split("[,，、;；\\s]+")) {
            if (!part.isBlank()) {
                result.add(part.trim());
            }
        }
        return result;
    }

    public <E extends Enum<E>> List<E> enums(String key, Class<E> type) {
        List<E> result = new ArrayList<>();
        for (String s : strings(key)) {
            try {
                result.add(Enum.valueOf(type, s));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of(key, "无效的取值 '" + s + "' (unknown value)");
            }
        }
        return result;
    }
}
