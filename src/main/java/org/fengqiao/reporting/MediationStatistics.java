package org.fengqiao.reporting;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeStatus;
import org.fengqiao.dispute.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mediation report's two aggregate queries (cases, return visits), one row per category each.
 * Reads the dispute module's tables directly: the report is a read model over them, and loading a
 * million aggregates to count them is not an option. Definitions: docs/reporting.md.
 *
 * <p>Scope: {@code null} organisations = everything; otherwise a case counts when the centre that
 * received it or the organisation handling it is one of the given organisations (the same two
 * columns that make a case visible, {@code DisputeAccess}).
 */
public class MediationStatistics {

    /** Statuses with a final outcome and a closed_at: 办结. */
    static final List<String> ENDED = List.of(DisputeStatus.CLOSED.name(), DisputeStatus.ARCHIVED.name(),
            DisputeStatus.REJECTED_NOT_ACCEPTED.name(), DisputeStatus.TRANSFERRED_OUT.name());
    static final List<String> NOT_MEDIATED = List.of(Outcome.NOT_ACCEPTED.name(), Outcome.TRANSFERRED.name());
    static final List<String> SUCCESS = List.of(Outcome.SUCCESS_WRITTEN.name(), Outcome.SUCCESS_ORAL.name());
    static final List<String> SATISFIED = List.of("SATISFIED", "BASICALLY_SATISFIED");

    private static final String RECEIVED = "c.created_at >= :start and c.created_at < :end";
    private static final String CLOSED = "c.closed_at >= :start and c.closed_at < :end and c.status in (:ended)";

    private static final String CASES = """
            select c.category as category,
                   sum(case when %1$s then 1 else 0 end) as received,
                   sum(case when %1$s and c.mediation_type is not null then 1 else 0 end) as accepted,
                   sum(case when %2$s then 1 else 0 end) as closed,
                   sum(case when %2$s and c.outcome not in (:notMediated) then 1 else 0 end) as mediated,
                   sum(case when %2$s and c.outcome in (:success) then 1 else 0 end) as successful,
                   sum(case when %2$s and c.due_at is not null then 1 else 0 end) as with_due,
                   sum(case when %2$s and c.closed_at <= c.due_at then 1 else 0 end) as on_time
              from dispute_case c
             where ((%1$s) or (c.closed_at >= :start and c.closed_at < :end))%3$s
             group by c.category
            """;

    private static final String VISITS = """
            select c.category as category, count(*) as visits,
                   sum(case when v.satisfaction in (:satisfied) then 1 else 0 end) as satisfied
              from dispute_return_visit v join dispute_case c on c.id = v.case_id
             where v.visited_at >= :start and v.visited_at < :end%s
             group by c.category
            """;

    private final JdbcClient jdbc;

    public MediationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        String scope = organisations == null ? "" : " and (c.centre_id in (:orgs) or c.org_id in (:orgs))";
        Map<String, Object> params = new HashMap<>();
        params.put("start", period.start());
        params.put("end", period.end());
        if (organisations != null) {
            params.put("orgs", organisations);
        }
        Map<String, Object> caseParams = new HashMap<>(params);
        caseParams.put("ended", ENDED);
        caseParams.put("notMediated", NOT_MEDIATED);
        caseParams.put("success", SUCCESS);
        Map<String, MediationFigures> found = new TreeMap<>();
        jdbc.sql(CASES.formatted(RECEIVED, CLOSED, scope)).params(caseParams).query(rs -> {
            found.merge(rs.getString("category"), new MediationFigures(rs.getLong("received"), rs.getLong("accepted"),
                    rs.getLong("closed"), rs.getLong("mediated"), rs.getLong("successful"), rs.getLong("with_due"),
                    rs.getLong("on_time"), 0, 0), MediationFigures::plus);
        });
        Map<String, Object> visitParams = new HashMap<>(params);
        visitParams.put("satisfied", SATISFIED);
        jdbc.sql(VISITS.formatted(scope)).params(visitParams).query(rs -> {
            found.merge(rs.getString("category"), MediationFigures.NONE.withVisits(rs.getLong("visits"),
                    rs.getLong("satisfied")), MediationFigures::plus);
        });
        result.putAll(found);
        return result;
    }

    public static MediationFigures total(Map<String, MediationFigures> byCategory) {
        return byCategory.values().stream().reduce(MediationFigures.NONE, MediationFigures::plus);
    }
}
