package org.fengqiao.custody;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures for {@code GET /api/reports/custody} (served by the reporting module): items by status,
 * overdue hand-overs, overdue loans and ledger entries, for items registered in [from, to).
 * {@code null} bounds mean all time.
 */
@Service
public class CustodyFigures {

    public record Figures(Map<ItemStatus, Long> byStatus, long overdueHandovers, long overdueLoans, long ledgerEntries) {
    }

    private final JdbcClient jdbc;

    CustodyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures figures(OffsetDateTime from, OffsetDateTime to, OffsetDateTime now) {
        String range = " created_at >= :from and created_at < :to";
        Map<String, Object> params = Map.of("from", from == null ? OffsetDateTime.parse("1900-01-01T00:00:00Z") : from,
                "to", to == null ? OffsetDateTime.parse("3000-01-01T00:00:00Z") : to, "now", now);
        Map<ItemStatus, Long> byStatus = new EnumMap<>(ItemStatus.class);
        for (ItemStatus status : ItemStatus.values()) {
            byStatus.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from property_item where" + range + " group by status").params(params)
                .query(rs -> {
                    byStatus.put(ItemStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        long overdueHandovers = jdbc.sql("select count(*) from property_item where" + range
                        + " and status = 'PENDING_HANDOVER' and handover_due_at < :now").params(params)
                .query(Long.class).single();
        long overdueLoans = jdbc.sql("select count(*) from property_item where" + range
                        + " and status = 'ON_LOAN' and planned_return_at < :now").params(params)
                .query(Long.class).single();
        long entries = jdbc.sql("select count(*) from custody_ledger where at >= :from and at < :to").params(params)
                .query(Long.class).single();
        return new Figures(byStatus, overdueHandovers, overdueLoans, entries);
    }
}
