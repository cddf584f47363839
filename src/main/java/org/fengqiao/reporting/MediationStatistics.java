package org.fengqiao.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeFigures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mediation report's query over the dispute module's read model {@code dispute_figures}
 * ({@link DisputeFigures}: counts per day and per month, centre, handling organisation and
 * category, kept in step with every case): whole months of the period are read from month rows,
 * the days before the first and after the last whole month from day rows, so a year over a million
 * cases sums a few thousand rows. Definitions: docs/reporting.md.
 *
 * <p>Scope: {@code null} organisations = everything; otherwise a case counts when the centre that
 * received it or the organisation handling it is one of the given organisations (the same two
 * columns that make a case visible, {@code DisputeAccess}).
 */
public class MediationStatistics {

    private static final String FIGURES = """
            select f.category as category, sum(f.received) as received, sum(f.accepted) as accepted,
                   sum(f.closed) as closed, sum(f.mediated) as mediated, sum(f.successful) as successful,
                   sum(f.with_due) as with_due, sum(f.on_time) as on_time, sum(f.visits) as visits,
                   sum(f.satisfied) as satisfied
              from dispute_figures f
             where (%s)%s
             group by f.category
            """;

    /** Stand-ins for an open end of the period; both the first day of a month. */
    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(9999, 1, 1);

    private final JdbcClient jdbc;

    public MediationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run of rows of one grain: [from, until). */
    record Range(String grain, LocalDate from, LocalDate until) {
    }

    /** Day rows before the first whole month, month rows for the whole months, day rows after. */
    static List<Range> ranges(ReportPeriod period) {
        LocalDate start = period.from() == null ? FIRST : period.from();
        LocalDate end = period.to() == null ? LAST : period.to().plusDays(1);
        LocalDate firstMonth = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = end.withDayOfMonth(1);
        if (!firstMonth.isBefore(endMonth)) {
            return List.of(new Range("D", start, end));
        }
        List<Range> ranges = new ArrayList<>();
        if (start.isBefore(firstMonth)) {
            ranges.add(new Range("D", start, firstMonth));
        }
        ranges.add(new Range("M", firstMonth, endMonth));
        if (endMonth.isBefore(end)) {
            ranges.add(new Range("D", endMonth, end));
        }
        return ranges;
    }

    /** Figures per category (every category of the enum present, zeros where nothing happened). */
    public Map<String, MediationFigures> byCategory(ReportPeriod period, Collection<String> organisations) {
        Map<String, MediationFigures> result = new LinkedHashMap<>();
        for (DisputeCategory category : DisputeCategory.values()) {
            result.put(category.name(), MediationFigures.NONE);
        }
        if (organisations != null && organisations.isEmpty()) {
            return result;
        }
        String scope = organisations == null ? "" : " and (f.centre_id in (:orgs) or f.org_id in (:orgs))";
        Map<String, Object> params = new HashMap<>();
        if (organisations != null) {
            params.put("orgs", organisations);
        }
        List<String> where = new ArrayList<>();
        List<Range> ranges = ranges(period);
        for (int i = 0; i < ranges.size(); i++) {
            where.add("f.grain = :grain%1$d and f.starts_on >= :from%1$d and f.starts_on < :until%1$d".formatted(i));
            params.put("grain" + i, ranges.get(i).grain());
            params.put("from" + i, ranges.get(i).from());
            params.put("until" + i, ranges.get(i).until());
        }
        Map<String, MediationFigures> found = new TreeMap<>();
        jdbc.sql(FIGURES.formatted(String.join(") or (", where), scope)).params(params).query(rs -> {
            found.put(rs.getString("category"), new MediationFigures(rs.getLong("received"), rs.getLong("accepted"),
                    rs.getLong("closed"), rs.getLong("mediated"), rs.getLong("successful"), rs.getLong("with_due"),
                    rs.getLong("on_time"), rs.getLong("visits"), rs.getLong("satisfied")));
        });
        result.putAll(found);
        return result;
    }

    public static MediationFigures total(Map<String, MediationFigures> byCategory) {
        return byCategory.values().stream().reduce(MediationFigures.NONE, MediationFigures::plus);
    }
}
