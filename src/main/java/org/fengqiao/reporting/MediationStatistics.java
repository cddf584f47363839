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
 * cases sums a few thousand rows; grouped by category and handling organisation. Definitions:
 * docs/reporting.md.
 *
 * <p>Scope: {@code null} organisations = everything; otherwise a case counts when the centre that
 * received it or the organisation handling it is one of the given organisations (the same two
 * columns that make a case visible, {@code DisputeAccess}).
 */
public class MediationStatistics {

    private static final String FIGURES = """
            select f.category as category, f.org_id as org_id, sum(f.received) as received, sum(f.accepted) as accepted,
                   sum(f.closed) as closed, sum(f.mediated) as mediated, sum(f.successful) as successful,
                   sum(f.with_due) as with_due, sum(f.on_time) as on_time, sum(f.visits) as visits,
                   sum(f.satisfied) as satisfied
              from dispute_figures f
             where f.grain = :grain and f.starts_on >= :from and f.starts_on < :until%s
             group by f.category, f.org_id
            """;

    /** Key of the cases no organisation handles yet (still in triage at the centre, or refused there). */
    public static final String UNASSIGNED = "UNASSIGNED";

    /**
     * The figures of one report.
     *
     * @param byCategory     every category of the enum, zeros where nothing happened
     * @param byOrganisation the handling organisations with any figure, {@link #UNASSIGNED} for none
     */
    public record Breakdown(Map<String, MediationFigures> byCategory, Map<String, MediationFigures> byOrganisation) {
    }

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
        return breakdown(period, organisations).byCategory();
    }

    /** Figures per category and per handling organisation. */
    public Breakdown breakdown(ReportPeriod period, Collection<String> organisations) {
        Map<String, MediationFigures> result = new LinkedHashMap<>();
        for (DisputeCategory category : DisputeCategory.values()) {
            result.put(category.name(), MediationFigures.NONE);
        }
        Map<String, MediationFigures> byOrganisation = new TreeMap<>();
        if (organisations != null && organisations.isEmpty()) {
            return new Breakdown(result, byOrganisation);
        }
        // One simple statement per run of rows and per side of the scope, each an index range: an OR
        // of ranges or of the two scope columns makes H2 scan the whole table (6 s over a million cases).
        List<String> scopes = organisations == null ? List.of("")
                : List.of(" and f.centre_id in (:orgs)", " and f.org_id in (:orgs) and f.centre_id not in (:orgs)");
        Map<String, MediationFigures> found = new TreeMap<>();
        for (Range range : ranges(period)) {
            for (String scope : scopes) {
                Map<String, Object> params = new HashMap<>();
                params.put("grain", range.grain());
                params.put("from", range.from());
                params.put("until", range.until());
                if (organisations != null) {
                    params.put("orgs", organisations);
                }
                jdbc.sql(FIGURES.formatted(scope)).params(params).query(rs -> {
                    MediationFigures figures = new MediationFigures(rs.getLong("received"), rs.getLong("accepted"),
                            rs.getLong("closed"), rs.getLong("mediated"), rs.getLong("successful"), rs.getLong("with_due"),
                            rs.getLong("on_time"), rs.getLong("visits"), rs.getLong("satisfied"));
                    String org = rs.getString("org_id");
                    found.merge(rs.getString("category"), figures, MediationFigures::plus);
                    byOrganisation.merge(org.isEmpty() ? UNASSIGNED : org, figures, MediationFigures::plus);
                });
            }
        }
        result.putAll(found);
        return new Breakdown(result, byOrganisation);
    }

    public static MediationFigures total(Map<String, MediationFigures> byCategory) {
        return byCategory.values().stream().reduce(MediationFigures.NONE, MediationFigures::plus);
    }
}
