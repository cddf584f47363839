package org.fengqiao.supervision;

import java.time.OffsetDateTime;

/**
 * A 督办's response deadline was computed again after a year's calendar was entered (published in
 * that transaction), so that the module owning the target notes it in the target's history.
 */
public record SupervisionResponseDueRecomputed(String supervisionId, String targetType, String targetId,
                                               SupervisionLevel level, OffsetDateTime oldDueAt,
                                               OffsetDateTime newDueAt, String reason, int year) {
}
