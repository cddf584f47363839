package org.fengqiao.custody;

import java.time.OffsetDateTime;

/** An exception record: damage, shortage, substitution or loss found at a return or a 盘点 (C20). */
public record ExceptionRecord(String id, String itemId, String inventoryId, String kind, String details,
                               String raisedBy, OffsetDateTime raisedAt) {
}
