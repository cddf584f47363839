package org.fengqiao.custody;

import java.time.OffsetDateTime;

/** One entry of the global custody ledger; {@code details} is a JSON object as stored. */
public record LedgerEntry(long seq, OffsetDateTime at, String eventType, String itemId, String actor,
                          String fromStatus, String toStatus, String details, String prevHash, String hash) {
}
