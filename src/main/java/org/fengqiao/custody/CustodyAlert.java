package org.fengqiao.custody;

import java.time.OffsetDateTime;

/** An alert raised by an overdue timer (超期未入库, 调用超期). */
public record CustodyAlert(String id, String itemId, String kind, String message, OffsetDateTime raisedAt) {
}
