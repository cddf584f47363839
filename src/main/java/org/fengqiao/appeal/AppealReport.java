package org.fengqiao.appeal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appeal statistics (domain §9.1), computed by one grouped SQL aggregate over the appeals reported
 * in the period (index idx_appeal_report); rows are never loaded. Rates are fractions (0–1) with four
 * decimals, null when their denominator is 0:
 * <ul>
 * <li>received: appeals reported in the period (受理数)</li>
 * <li>closed: of those, the ones CLOSED (办结数)</li>
 * <li>closureRate = closed / received (峄城 style 办结率)</li>
 * <li>satisfactionRate = (SATISFIED + BASICALLY_SATISFIED) / appeals with a return-visit answer</li>
 * <li>onTimeRate = closed by their due date / closed</li>
 * <li>returnRate = appeals returned (退单) at least once / appeals dispatched at least once</li>
 * </ul>
 */
@Component
public class AppealReport {

    public record Figures(long received, long closed, BigDecimal closureRate, BigDecimal satisfactionRate,
                          BigDecimal onTimeRate, BigDecimal returnRate) {
    }

    public record Result(LocalDate from, LocalDate to, AppealType type, long received, long closed,
                         BigDecimal closureRate, BigDecimal satisfactionRate, BigDecimal onTimeRate,
                         BigDecimal returnRate, Map<AppealType, Figures> byType) {
    }

    private final JdbcClient jdbc;

    AppealReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(AppealType type, long received, long closed, long satisfied, long visited, long onTime,
                       long returned, long dispatched) {
    }

    public Result compute(LocalDate from, LocalDate to, AppealType type, ZoneId zone) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (from != null) {
            clauses.add("created_at >= :from");
            params.put("from", from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            clauses.add("created_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (type != null) {
            clauses.add("type = :type");
            params.put("type", type.name());
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        List<Row> rows = jdbc.sql("""
                select type, count(*) as received,
                    sum(case when status = 'CLOSED' then 1 else 0 end) as closed,
                    sum(case when satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end) as satisfied,
                    sum(case when satisfaction is not null then 1 else 0 end) as visited,
                    sum(case when status = 'CLOSED' and closed_on_time = true then 1 else 0 end) as on_time,
                    sum(case when return_count > 0 then 1 else 0 end) as returned,
                    sum(case when dispatched_at is not null or return_count > 0 then 1 else 0 end) as dispatched
                from appeal""" + where + " group by type")
                .params(params)
                .query((rs, n) -> new Row(AppealType.valueOf(rs.getString("type")), rs.getLong("received"),
                        rs.getLong("closed"), rs.getLong("satisfied"), rs.getLong("visited"), rs.getLong("on_time"),
                        rs.getLong("returned"), rs.getLong("dispatched")))
                .list();
        Map<AppealType, Figures> byType = new LinkedHashMap<>();
        Row total = new Row(null, 0, 0, 0, 0, 0, 0, 0);
        for (AppealType t : AppealType.values()) {
            Row r = rows.stream().filter(x -> x.type() == t).findFirst().orElse(new Row(t, 0, 0, 0, 0, 0, 0, 0));
            if (type == null || type == t) {
                byType.put(t, figures(r));
            }
            total = new Row(null, total.received + r.received, total.closed + r.closed, total.satisfied + r.satisfied,
                    total.visited + r.visited, total.onTime + r.onTime, total.returned + r.returned,
                    total.dispatched + r.dispatched);
        }
        Figures all = figures(total);
        return new Result(from, to, type, all.received(), all.closed(), all.closureRate(), all.satisfactionRate(),
                all.onTimeRate(), all.returnRate(), byType);
    }

    private static Figures figures(Row r) {
        return new Figures(r.received, r.closed, rate(r.closed, r.received), rate(r.satisfied, r.visited),
                rate(r.onTime, r.closed), rate(r.returned, r.dispatched));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

}
