package org.fengqiao.appeal.web;

import java.time.LocalDate;

import org.fengqiao.appeal.AppealReport;
import org.fengqiao.appeal.AppealType;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.Validation;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/reports/appeals}: appeal statistics with explicit denominators (domain §9.1). */
@RestController
@Tag(name = "Reports")
class AppealReportController {

    private final AppealReport report;
    private final WorkingCalendar calendar;
    private final CurrentCaller currentCaller;

    AppealReportController(AppealReport report, WorkingCalendar calendar, CurrentCaller currentCaller) {
        this.report = report;
        this.calendar = calendar;
        this.currentCaller = currentCaller;
    }

    @GetMapping(value = "/api/reports/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Appeal statistics for appeals reported from..to (ISO dates, inclusive, Asia/Shanghai; default all "
            + "time), optionally one type", description = """
            Cohort: the appeals **reported** in the period. Rates are fractions (0–1, four decimals, as in the mediation report), null when the
            denominator is 0.
            - `received` (受理数): appeals reported in the period
            - `closed` (办结数): of those, the ones now `CLOSED` (incl. those turned into disputes)
            - `closureRate` (办结率) = closed ÷ received (峄城 style)
            - `satisfactionRate` (满意率) = (SATISFIED + BASICALLY_SATISFIED) ÷ appeals with a return-visit answer
            - `onTimeRate` (按期办结率) = closed no later than their due date ÷ closed
            - `returnRate` (退单率) = appeals returned (退单) at least once ÷ appeals dispatched at least once
            - `byType`: the same figures per type (MINSHENG 民生, ZHIFA 执法, FAZHAN 发展, DISPUTE, RISK_HAZARD, SERVICE)
            Visible to supervisors, triage officers and admins.""")
    AppealReport.Result appeals(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) AppealType type) {
        Caller caller = currentCaller.get();
        if (!(caller.hasRole(Role.SUPERVISOR.groupId()) || caller.hasRole(Role.TRIAGE.groupId()))) {
            throw new ForbiddenException("只有督办员、研判员和管理员可以查看诉求统计 (supervisors, triage officers and admins only)");
        }
        new Validation().check(from == null || to == null || !to.isBefore(from), "to", "不能早于 from (must not be before from)")
                .throwIfInvalid();
        return report.compute(from, to, type, calendar.zone());
    }
}
