package org.fengqiao.shared.web;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a REST body into the variables of the Camunda task it completes, in the shape a Tasklist
 * form submits: enums by name, dates as ISO text, decimals as plain text, lists comma-joined;
 * absent values are left out.
 */
public final class TaskVariables {

    private TaskVariables() {
    }

    /** {@code of("decision", decision, "orgId", orgId, …)}. */
    public static Map<String, Object> of(Object... keyValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value == null) {
                continue;
            }
            if (value instanceof Enum<?> e) {
                value = e.name();
            } else if (value instanceof TemporalAccessor) {
                value = value.toString();
            } else if (value instanceof BigDecimal d) {
                value = d.toPlainString();
            } else if (value instanceof Collection<?> c) {
                value = c.stream().map(o -> o instanceof Enum<?> e ? e.name() : String.valueOf(o))
                        .collect(Collectors.joining(","));
            }
            vars.put((String) keyValues[i], value);
        }
        return vars;
    }
}
