package org.fengqiao.reporting;

import java.util.Map;

/**
 * The custody report: items registered in the period by current status, those of them overdue now,
 * and the ledger entries recorded in the period.
 *
 * @param itemsByStatus    every status of state machine C, 0 where none
 * @param items            items registered in the period (sum of itemsByStatus)
 * @param overdueHandovers of those, PENDING_HANDOVER with handover_due_at before now (超期未入库)
 * @param overdueLoans     of those, ON_LOAN with planned_return_at before now (调用超期)
 * @param ledgerEntries    custody ledger entries recorded in the period about visible items
 */
public record CustodyFigures(Map<String, Long> itemsByStatus, long items, long overdueHandovers, long overdueLoans,
                             long ledgerEntries) {
}
