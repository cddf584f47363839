package org.fengqiao.supervision;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 督办's response deadline was computed again after a year's calendar was entered (published in
 * that transaction), so that the module owning the target notes it in the target's history.
 */
public record SupervisionResponseDueRecomputed(String supervisionId, String targetType, String targetId,
                                               SupervisionLevel level, OffsetDateTime oldDueAt,
                                               OffsetDateTime newDueAt, String reason, int year) {

    /** What the target's history records of the change (action {@code deadline-recomputed}). */
    public Map<String, Object> historyDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "supervision.responseDueAt");
        details.put("supervisionId", supervisionId);
        details.put("level", level.name());
        details.put("oldDueAt", oldDueAt.toString());
        details.put("newDueAt", newDueAt.toString());
        details.put("reason", reason);
        details.put("year", year);
        return details;
    }
}
