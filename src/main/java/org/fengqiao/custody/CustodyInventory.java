package org.fengqiao.custody;

import java.time.OffsetDateTime;
import java.util.List;

/** One 盘点 (inventory check) of a zone or a case: expected against found. */
public record CustodyInventory(String id, String scopeType, String scopeId, String status, List<String> expectedItemIds,
                               List<String> foundItemNos, Integer discrepancies, String startedBy,
                               OffsetDateTime startedAt, String countedBy, OffsetDateTime countedAt) {
}
