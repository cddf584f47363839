package org.fengqiao.reporting;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.custody.ItemStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The custody report's aggregate queries over property_item and custody_ledger. Scope: {@code
 * agencies == null} = everything (custodians, administrators); otherwise an item counts when one of
 * the agencies handles it, controls it or is receiving it by transfer, and it does not lie in a
 * restricted zone (专区) the caller may not look into — the visibility rule of {@code CustodyAccess}.
 */
public class CustodyStatistics {

    private static final String ITEMS = """
            select i.status as status, count(*) as items,
                   sum(case when i.status = 'PENDING_HANDOVER' and i.handover_due_at < :now then 1 else 0 end) as late_handovers,
                   sum(case when i.status = 'ON_LOAN' and i.planned_return_at < :now then 1 else 0 end) as late_loans
              from property_item i
             where i.created_at >= :start and i.created_at < :end%s
             group by i.status
            """;

    private static final String LEDGER_ALL = "select count(*) from custody_ledger l where l.at >= :start and l.at < :end";

    private static final String LEDGER_SCOPED = """
            select count(*) from custody_ledger l join property_item i on i.id = l.item_id
             where l.at >= :start and l.at < :end%s
            """;

    private static final String SCOPE = " and (i.handling_scope in (:agencies) or i.controlling_scope in (:agencies)"
            + " or i.transfer_to_scope in (:agencies))";
    private static final String HIDDEN = " and (i.zone_id is null or i.zone_id not in (:hidden))";

    private final JdbcClient jdbc;

    public CustodyStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CustodyFigures figures(ReportPeriod period, OffsetDateTime now, Collection<String> agencies,
                                  List<String> hiddenZones) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ItemStatus status : ItemStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        if (agencies != null && agencies.isEmpty()) {
            return new CustodyFigures(byStatus, 0, 0, 0, 0);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("start", period.start());
        params.put("end", period.end());
        params.put("now", now);
        String scope = "";
        if (agencies != null) {
            scope += SCOPE;
            params.put("agencies", agencies);
        }
        if (hiddenZones != null && !hiddenZones.isEmpty()) {
            scope += HIDDEN;
            params.put("hidden", hiddenZones);
        }
        long[] totals = new long[3];
        jdbc.sql(ITEMS.formatted(scope)).params(params).query(rs -> {
            byStatus.merge(rs.getString("status"), rs.getLong("items"), Long::sum);
            totals[0] += rs.getLong("items");
            totals[1] += rs.getLong("late_handovers");
            totals[2] += rs.getLong("late_loans");
        });
        String ledger = scope.isEmpty() ? LEDGER_ALL : LEDGER_SCOPED.formatted(scope);
        long entries = jdbc.sql(ledger).params(params).query(Long.class).single();
        return new CustodyFigures(byStatus, totals[0], totals[1], totals[2], entries);
    }
}
