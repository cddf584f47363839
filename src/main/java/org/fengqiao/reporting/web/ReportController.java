package org.fengqiao.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fengqiao.reporting.CustodyFigures;
import org.fengqiao.reporting.MediationFigures;
import org.fengqiao.reporting.Reports;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/reports}: the mediation and custody statistics of domain §9. Problems: 401
 * unauthenticated, 400 a date that is not ISO {@code yyyy-MM-dd}, 422 {@code from} after {@code to},
 * 404 a {@code centreId} the caller does not reach.
 */
@RestController
@RequestMapping(value = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "统计报表")
class ReportController {

    static final String MEDIATION_DESCRIPTION = """
            调解统计 (domain §9.1). Period: `from`/`to` are ISO dates, both inclusive, days in Asia/Shanghai; \
            either may be omitted (open end, default all time). Scope: administrators see every case, everyone \
            else the cases whose receiving centre or handling organisation lies in the subtree of one of their \
            organisations; `centreId` narrows to that organisation's subtree and must be reachable (else 404).

            Counts:
            - `received` (新收): cases registered (created_at) in the period.
            - `accepted` (受理): of `received`, cases that triage accepted (left TRIAGE for \
            ASSIGNED_PENDING_ACCEPT or CONSENT_PENDING at least once, even if later sent back or escalated).
            - `closed` (办结): cases with closed_at in the period whose status is CLOSED or ARCHIVED — or \
            REJECTED_NOT_ACCEPTED / TRANSFERRED_OUT: a refusal or transfer at triage also disposes of the matter \
            and carries a closed_at. Counted by closing date, so `closed` may include cases received earlier.
            - `mediatedClosed`: of `closed`, outcome neither NOT_ACCEPTED nor TRANSFERRED.
            - `successful`: of `closed`, outcome SUCCESS_WRITTEN or SUCCESS_ORAL.
            - `closedWithDueAt`: of `closed`, cases with a mediation deadline (due_at); `closedOnTime`: of \
            those, closed_at ≤ due_at (the last deadline after any extension).
            - `returnVisits`: return visits made (visited_at) in the period, every visit counted (a reopened case \
            can have two); `satisfiedVisits`: of those, SATISFIED or BASICALLY_SATISFIED.

            Rates (4 decimals, half up; null when the denominator is 0):
            - `closureRate` (办结率) = closed ÷ received.
            - `successRate` (调解成功率) = successful ÷ mediatedClosed.
            - `satisfactionRate` (满意率) = satisfiedVisits ÷ returnVisits.
            - `onTimeRate` (按期办结率) = closedOnTime ÷ closedWithDueAt.

            Breakdowns, each with the same fields:
            - `byCategory`: every dispute category.
            - `byLevel`: the level of the handling organisation (VILLAGE, TOWN, COUNTY, CITY), every level \
            present; UNASSIGNED for cases no organisation handles (still in triage, or refused or transferred there).
            - `byOrganisation`: the handling organisations (id) with any figure in the period, UNASSIGNED as above. \
            A case counts under the organisation handling it now (after 逐级上报, the higher one).""";

    static final String CUSTODY_DESCRIPTION = """
            涉案财物统计. Period: `from`/`to` ISO dates, both inclusive, default all time. Scope: custodians and \
            administrators see every item; others the items their agency handles, controls or is receiving, \
            never those in another agency's 专区.
            - `itemsByStatus`: items registered (created_at) in the period, by current status; `items` their sum.
            - `overdueHandovers` (超期未入库): of those, PENDING_HANDOVER with handover_due_at before now.
            - `overdueLoans` (调用超期): of those, ON_LOAN with planned_return_at before now.
            - `ledgerEntries`: custody ledger entries recorded (at) in the period about items in scope.""";

    record FiguresView(long received, long accepted, long closed, long mediatedClosed, long successful,
                       long closedWithDueAt, long closedOnTime, long returnVisits, long satisfiedVisits,
                       BigDecimal closureRate, BigDecimal successRate, BigDecimal satisfactionRate,
                       BigDecimal onTimeRate) {
        static FiguresView of(MediationFigures f) {
            return new FiguresView(f.received(), f.accepted(), f.closed(), f.mediatedClosed(), f.successful(),
                    f.closedWithDueAt(), f.closedOnTime(), f.returnVisits(), f.satisfiedVisits(), f.closureRate(),
                    f.successRate(), f.satisfactionRate(), f.onTimeRate());
        }
    }

    record MediationView(LocalDate from, LocalDate to, String centreId, long received, long accepted, long closed,
                         long mediatedClosed, long successful, long closedWithDueAt, long closedOnTime,
                         long returnVisits, long satisfiedVisits, BigDecimal closureRate, BigDecimal successRate,
                         BigDecimal satisfactionRate, BigDecimal onTimeRate, Map<String, FiguresView> byCategory,
                         Map<String, FiguresView> byLevel, Map<String, FiguresView> byOrganisation) {
        static MediationView of(Reports.MediationReport r) {
            MediationFigures f = r.total();
            return new MediationView(r.from(), r.to(), r.centreId(), f.received(), f.accepted(), f.closed(),
                    f.mediatedClosed(), f.successful(), f.closedWithDueAt(), f.closedOnTime(), f.returnVisits(),
                    f.satisfiedVisits(), f.closureRate(), f.successRate(), f.satisfactionRate(), f.onTimeRate(),
                    views(r.byCategory()), views(r.byLevel()), views(r.byOrganisation()));
        }

        private static Map<String, FiguresView> views(Map<String, MediationFigures> figures) {
            Map<String, FiguresView> views = new LinkedHashMap<>();
            figures.forEach((k, v) -> views.put(k, FiguresView.of(v)));
            return views;
        }
    }

    record CustodyView(LocalDate from, LocalDate to, Map<String, Long> itemsByStatus, long items,
                       long overdueHandovers, long overdueLoans, long ledgerEntries) {
        static CustodyView of(Reports.CustodyReport r) {
            CustodyFigures f = r.figures();
            return new CustodyView(r.from(), r.to(), f.itemsByStatus(), f.items(), f.overdueHandovers(),
                    f.overdueLoans(), f.ledgerEntries());
        }
    }

    private final Reports reports;
    private final CurrentCaller currentCaller;

    ReportController(Reports reports, CurrentCaller currentCaller) {
        this.reports = reports;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/mediation")
    @Operation(summary = "Mediation statistics: received, accepted, closed, success, satisfaction, on time",
            description = MEDIATION_DESCRIPTION)
    MediationView mediation(
            @Parameter(description = "first day, inclusive (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, inclusive (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "organisation whose subtree to report on") @RequestParam(required = false)
            String centreId) {
        return MediationView.of(reports.mediation(currentCaller.get(), from, to, blankToNull(centreId)));
    }

    @GetMapping("/custody")
    @Operation(summary = "Custody statistics: items by status, overdue handovers and loans, ledger entries",
            description = CUSTODY_DESCRIPTION)
    CustodyView custody(
            @Parameter(description = "first day, inclusive (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, inclusive (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return CustodyView.of(reports.custody(currentCaller.get(), from, to));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
