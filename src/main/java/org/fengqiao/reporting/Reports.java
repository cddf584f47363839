package org.fengqiao.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whose figures a caller gets and runs the aggregate queries. Mediation: administrators see
 * everything; everyone else the organisations their memberships reach (their own and the subtree
 * below — a supervisor of the city centre therefore sees the whole city). A {@code centreId}
 * narrows to that organisation's subtree and must be one the caller reaches, else 404. Custody:
 * the item visibility of {@link CustodyAccess}.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    public record MediationReport(LocalDate from, LocalDate to, String centreId, MediationFigures total,
                                  Map<String, MediationFigures> byCategory, Map<String, MediationFigures> byLevel,
                                  Map<String, MediationFigures> byOrganisation) {
    }

    public record CustodyReport(LocalDate from, LocalDate to, CustodyFigures figures) {
    }

    private final OrganisationDirectory organisations;
    private final CustodyAccess custodyAccess;
    private final MediationStatistics mediation;
    private final CustodyStatistics custody;
    private final Clock clock;

    Reports(OrganisationDirectory organisations, CustodyAccess custodyAccess, JdbcClient jdbc, Clock clock) {
        this.organisations = organisations;
        this.custodyAccess = custodyAccess;
        this.mediation = new MediationStatistics(jdbc);
        this.custody = new CustodyStatistics(jdbc);
        this.clock = clock;
    }

    public MediationReport mediation(Caller caller, LocalDate from, LocalDate to, String centreId) {
        ReportPeriod period = ReportPeriod.of(from, to, clock.getZone());
        Set<String> scope = mediationScope(caller, centreId);
        MediationStatistics.Breakdown figures = mediation.breakdown(period, scope);
        Map<String, MediationFigures> byLevel = new LinkedHashMap<>();
        for (OrganisationLevel level : OrganisationLevel.values()) {
            byLevel.put(level.name(), MediationFigures.NONE);
        }
        byLevel.put(MediationStatistics.UNASSIGNED, MediationFigures.NONE);
        figures.byOrganisation().forEach((org, f) -> byLevel.merge(organisations.find(org)
                .map(o -> o.level().name()).orElse(MediationStatistics.UNASSIGNED), f, MediationFigures::plus));
        return new MediationReport(from, to, centreId, MediationStatistics.total(figures.byCategory()),
                figures.byCategory(), byLevel, figures.byOrganisation());
    }

    /** {@code null} = every case. */
    Set<String> mediationScope(Caller caller, String centreId) {
        Set<String> reachable = caller.isAdmin() ? null : organisations.reachableBy(caller);
        if (centreId == null) {
            return reachable;
        }
        if (organisations.find(centreId).isEmpty() || (reachable != null && !reachable.contains(centreId))) {
            throw new NotFoundException("中心 (centre)", centreId);
        }
        Set<String> subtree = new HashSet<>(organisations.subtreeOf(centreId));
        if (reachable != null) {
            subtree.retainAll(reachable);
        }
        return subtree;
    }

    public CustodyReport custody(Caller caller, LocalDate from, LocalDate to) {
        ReportPeriod period = ReportPeriod.of(from, to, clock.getZone());
        CustodyFigures figures = custody.figures(period, OffsetDateTime.now(clock),
                custodyAccess.visibleScopes(caller), custodyAccess.hiddenZones(caller));
        return new CustodyReport(from, to, figures);
    }
}
