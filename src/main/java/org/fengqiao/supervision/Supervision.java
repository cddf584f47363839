package org.fengqiao.supervision;

import java.time.OffsetDateTime;

/** One 督办 record. */
public record Supervision(String id, String targetType, String targetId, String targetRef, SupervisionLevel level,
                          String reason, String triggeredBy, String issuedBy, OffsetDateTime issuedAt,
                          OffsetDateTime responseDueAt, String response, String respondedBy,
                          OffsetDateTime respondedAt, OffsetDateTime closedAt, String escalatedTo,
                          OffsetDateTime escalatedAt) {

    public boolean open() {
        return closedAt == null;
    }
}
