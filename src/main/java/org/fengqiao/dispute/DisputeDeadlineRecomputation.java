package org.fengqiao.dispute;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fengqiao.calendar.CalendarYearChanged;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.dispute.process.DisputeProcessGateway;
import org.fengqiao.dispute.process.DisputeProcessGateway.Timer;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.supervision.SupervisionResponseDueRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Entering (or changing) a year's calendar recomputes the open deadlines of disputes that lie in or
 * cross that year, in the transaction that changed the calendar. Each deadline is computed again
 * from its original start with the same limit, exactly as {@link DisputeManagement} computed it:
 * <ul>
 *   <li>acceptance of a PUSH: from the triage that pushed the case ({@code acceptance-limit});</li>
 *   <li>mediation: from the start of the current period — mediators assigned (the earlier of the
 *       statutory limit and the case's limit in days), or a reopening after a rejected confirmation
 *       or a supervisor's review ({@code reopen-limit}) — then along the chain of the extensions
 *       recorded in the history since, each adding its days to the due date it extended. A link of
 *       the chain that had already passed when it was extended (its timer fired) stays as it was;</li>
 *   <li>the warning: again {@code warning-before} ahead of the new due date (never before now);</li>
 *   <li>court acceptance: from the filing of the judicial confirmation ({@code court-acceptance-limit});</li>
 *   <li>court review: from the court's recorded acceptance ({@code court-review-limit}), and the
 *       recorded extension from there ({@code court-review-extension});</li>
 *   <li>performance: the configured follow-up from the agreement (an agreed performance date is the
 *       parties' date and does not move).</li>
 * </ul>
 * The 司法确认 window is not stored: it is computed from the agreement whenever an application is
 * filed, so it follows the new calendar by itself. A deadline that has already passed stays as it
 * is (its timer has fired). Only values that differ are changed, so a second run changes nothing;
 * each change moves the engine's timer, updates the variable the timer reads and adds a history
 * entry {@code deadline-recomputed} with the field, the old and the new date and the reason.
 */
@Component
class DisputeDeadlineRecomputation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisputeDeadlineRecomputation.class);
    static final String ACTION = "deadline-recomputed";
    private static final Set<String> PERIOD_STARTS = Set.of("mediators", "court-decision", "review");

    private final DisputeCases cases;
    private final DisputeRecords records;
    private final DisputeDeadlines deadlines;
    private final WorkingCalendar calendar;
    private final DisputeSettings settings;
    private final DisputeProcessGateway process;
    private final SupervisionRecords supervisions;

    DisputeDeadlineRecomputation(DisputeCases cases, DisputeRecords records, DisputeDeadlines deadlines,
                                 WorkingCalendar calendar, DisputeSettings settings, DisputeProcessGateway process,
                                 SupervisionRecords supervisions) {
        this.supervisions = supervisions;
        this.cases = cases;
        this.records = records;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.settings = settings;
        this.process = process;
    }

    @EventListener
    void on(CalendarYearChanged event) {
        OffsetDateTime now = calendar.now();
        OffsetDateTime from = event.firstMoment(calendar.zone());
        int changed = 0;
        for (String id : cases.withOpenDeadlinesFrom(from, now)) {
            changed += recompute(id, event, now);
        }
        log.info("calendar {}: {} dispute deadline(s) recomputed", event.year(), changed);
    }

    /** A 督办 on a case got a new response deadline: the case's history notes it. */
    @EventListener
    void on(SupervisionResponseDueRecomputed event) {
        if (!DisputeManagement.TARGET_TYPE.equals(event.targetType())) {
            return;
        }
        cases.find(event.targetId()).ifPresent(c -> records.addHistory(c.id, calendar.now(), DisputeManagement.SYSTEM,
                ACTION, c.status, c.status, event.historyDetails()));
    }

    /** Recomputes one case's open deadlines; answers how many changed. */
    int recompute(String caseId, CalendarYearChanged event, OffsetDateTime now) {
        cases.lock(caseId);
        DisputeCase c = cases.find(caseId).orElse(null);
        if (c == null || c.processInstanceId == null) {
            return 0;
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        List<DisputeRecords.HistoryEntry> history = records.history(c.id);
        switch (c.status) {
            case ASSIGNED_PENDING_ACCEPT -> acceptance(c, history, now, changes);
            case IN_MEDIATION -> mediation(c, history, now, changes);
            case JUDICIAL_CONFIRMATION -> courtReview(c, now, changes);
            case PERFORMANCE_MONITORING -> performance(c, now, changes);
            default -> { }
        }
        materialsReturn(c, history, now, changes);
        riskReport(c, now, changes);
        if (changes.stream().anyMatch(ch -> ch.containsKey("caseField"))) {
            c.updatedAt = now;
            cases.update(c);
        }
        // the Tasklist's summary shows the new date and drops （暂定） once the year is entered; the open
        // tasks' cards (期限) and due dates follow the new deadline
        process.refresh(c);
        if (changes.isEmpty()) {
            return 0;
        }
        for (Map<String, Object> change : changes) {
            change.remove("caseField");
            change.put("reason", event.reason());
            change.put("year", event.year());
            records.addHistory(c.id, now, DisputeManagement.SYSTEM, ACTION, c.status, c.status, change);
        }
        return changes.size();
    }

    private void acceptance(DisputeCase c, List<DisputeRecords.HistoryEntry> history, OffsetDateTime now,
                            List<Map<String, Object>> changes) {
        if (c.acceptanceDueAt == null || !c.acceptanceDueAt.isAfter(now)) {
            return;
        }
        DisputeRecords.HistoryEntry push = null;
        for (DisputeRecords.HistoryEntry e : history) {
            if ("triage".equals(e.action()) && e.details().containsKey("acceptanceDueAt")) {
                push = e;
            }
        }
        if (push == null) {
            return;
        }
        OffsetDateTime due = calendar.deadline(push.at(), settings.acceptanceLimit());
        if (!due.isEqual(c.acceptanceDueAt)) {
            changes.add(change("acceptanceDueAt", c.acceptanceDueAt, due, true));
            c.acceptanceDueAt = due;
            process.moveTimer(c, Timer.ACCEPTANCE, due);
        }
    }

    private void mediation(DisputeCase c, List<DisputeRecords.HistoryEntry> history, OffsetDateTime now,
                           List<Map<String, Object>> changes) {
        if (c.dueAt == null || !c.dueAt.isAfter(now)) {
            return;
        }
        OffsetDateTime due = mediationDue(c, history, now);
        if (due == null) {
            return;
        }
        if (!due.isEqual(c.dueAt)) {
            OffsetDateTime old = c.dueAt;
            changes.add(change("dueAt", old, due, true));
            if (c.warnedDueAt != null && c.warnedDueAt.isEqual(old)) {
                c.warnedDueAt = due; // the warning for this period was given; it is not given again
            }
            c.dueAt = due;
            process.moveTimer(c, Timer.MEDIATION, due);
            // the warning's 督办 asks for an answer by the mediation deadline: it follows it
            supervisions.followTargetDeadline(DisputeManagement.TARGET_TYPE, c.id, old, due);
        }
        // counted in working days, the warning may move while the due date (in calendar days) does not
        if (c.warningAt != null && c.warningAt.isAfter(now)) {
            OffsetDateTime warning = calendar.warningBefore(c.dueAt, settings.warningBefore());
            warning = warning.isBefore(now) ? now : warning;
            if (!warning.isEqual(c.warningAt)) {
                changes.add(change("warningAt", c.warningAt, warning, true));
                c.warningAt = warning;
                process.moveTimer(c, Timer.MEDIATION_WARNING, warning);
            }
        }
    }

    /**
     * The current period's due date along its chain: the start of the period, then each extension
     * recorded since. The value a link had when it was extended is in the extension's
     * {@code previousDueAt}; a link that had passed by then is kept.
     */
    private OffsetDateTime mediationDue(DisputeCase c, List<DisputeRecords.HistoryEntry> history, OffsetDateTime now) {
        int start = -1;
        for (int i = 0; i < history.size(); i++) {
            DisputeRecords.HistoryEntry e = history.get(i);
            if (PERIOD_STARTS.contains(e.action()) && e.details().get("dueAt") != null) {
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        List<DisputeRecords.HistoryEntry> chain = new ArrayList<>();
        chain.add(history.get(start));
        for (int i = start + 1; i < history.size(); i++) {
            DisputeRecords.HistoryEntry e = history.get(i);
            if ("extension".equals(e.action()) && e.details().get("extraDays") instanceof Number) {
                chain.add(e);
            }
        }
        OffsetDateTime due = null;
        for (int i = 0; i < chain.size(); i++) {
            DisputeRecords.HistoryEntry link = chain.get(i);
            OffsetDateTime effective = i + 1 < chain.size() ? date(chain.get(i + 1).details().get("previousDueAt")) : c.dueAt;
            if (effective != null && !effective.isAfter(now)) {
                due = effective;
            } else if (i == 0) {
                // D8: court-referred mediation runs from the signing for the court's materials
                OffsetDateTime periodStart = link.details().get("periodStartsAt") != null
                        ? date(link.details().get("periodStartsAt")) : link.at();
                due = "mediators".equals(link.action())
                        ? calendar.earlierDeadline(periodStart, settings.mediationLimit(c.mediationType), c.timeLimitDays)
                        : calendar.deadline(link.at(), settings.reopenLimit());
            } else {
                int extra = ((Number) link.details().get("extraDays")).intValue();
                due = calendar.deadline(due, TimeLimit.calendarDays(extra));
            }
        }
        return due;
    }

    private void courtReview(DisputeCase c, OffsetDateTime now, List<Map<String, Object>> changes) {
        DisputeRecords.ConfirmationRecord pending = records.latestConfirmation(c.id).filter(r -> r.result() == null)
                .orElse(null);
        if (pending == null) {
            return;
        }
        if (pending.acceptedAt() != null && pending.reviewDueAt() != null && pending.reviewDueAt().isAfter(now)) {
            OffsetDateTime due = calendar.deadline(pending.acceptedAt(), settings.courtReviewLimit());
            if (!due.isEqual(pending.reviewDueAt())) {
                changes.add(change("reviewDueAt", pending.reviewDueAt(), due, false));
                records.moveReviewDue(pending.id(), due);
                process.moveTimer(c, Timer.COURT_REVIEW, due);
            }
        }
        // D13: the 3-day acceptance and the extended (15 + 10 days) review period follow the calendar too
        moveIfOpen(c, Timer.COURT_ACCEPTANCE, "courtAcceptanceDueAt", deadlines.courtAcceptanceDueAt(c), now, changes);
        moveIfOpen(c, Timer.COURT_REVIEW_EXTENDED, "courtReviewExtendedDueAt", deadlines.courtReviewExtendedDueAt(c), now,
                changes);
    }

    /** D20: the court's materials are due back within the limit counted from the termination (or refusal). */
    private void materialsReturn(DisputeCase c, List<DisputeRecords.HistoryEntry> history, OffsetDateTime now,
                                 List<Map<String, Object>> changes) {
        if (!c.materialsReturnPending() || !c.materialsReturnDueAt.isAfter(now)) {
            return;
        }
        DisputeRecords.HistoryEntry start = null;
        for (DisputeRecords.HistoryEntry e : history) {
            if (e.details().containsKey("materialsReturnDueAt") && !"deadline-recomputed".equals(e.action())) {
                start = e;
            }
        }
        if (start == null) {
            return;
        }
        OffsetDateTime due = calendar.deadline(start.at(), settings.materialsReturnLimit());
        if (!due.isEqual(c.materialsReturnDueAt)) {
            changes.add(change("materialsReturnDueAt", c.materialsReturnDueAt, due, true));
            c.materialsReturnDueAt = due;
            process.moveTimer(c, Timer.MATERIALS_RETURN, due);
        }
    }

    /** D18: the open report step is due within the limit counted from the report. */
    private void riskReport(DisputeCase c, OffsetDateTime now, List<Map<String, Object>> changes) {
        if (c.riskReportDueAt == null || !c.riskReportDueAt.isAfter(now)) {
            return;
        }
        OffsetDateTime reportedAt = records.openRiskReportAt(c.id).orElse(null);
        if (reportedAt == null) {
            return;
        }
        OffsetDateTime due = calendar.deadline(reportedAt, settings.riskReportLimit());
        if (!due.isEqual(c.riskReportDueAt)) {
            changes.add(change("riskReportDueAt", c.riskReportDueAt, due, true));
            c.riskReportDueAt = due;
            process.moveTimer(c, Timer.RISK_REPORT, due);
        }
    }

    /** Moves a timer whose date lies ahead to {@code due} when they differ, noting the change. */
    private void moveIfOpen(DisputeCase c, Timer timer, String field, OffsetDateTime due, OffsetDateTime now,
                            List<Map<String, Object>> changes) {
        OffsetDateTime old = process.timerDate(c, timer);
        if (old == null || due == null || !old.isAfter(now) || due.isEqual(old)) {
            return;
        }
        changes.add(change(field, old.atZoneSameInstant(calendar.zone()).toOffsetDateTime(), due, false));
        process.moveTimer(c, timer, due);
    }

    private void performance(DisputeCase c, OffsetDateTime now, List<Map<String, Object>> changes) {
        OffsetDateTime old = process.timerDate(c, Timer.PERFORMANCE);
        if (old == null || !old.isAfter(now)) {
            return;
        }
        OffsetDateTime due = deadlines.performanceDueAt(c);
        if (due != null && !due.isEqual(old)) {
            changes.add(change("performanceDueAt", old.atZoneSameInstant(calendar.zone()).toOffsetDateTime(),
                    due, false));
            process.moveTimer(c, Timer.PERFORMANCE, due);
        }
    }

    private static Map<String, Object> change(String field, OffsetDateTime old, OffsetDateTime due, boolean caseField) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("oldDueAt", old == null ? null : old.toString());
        details.put("newDueAt", due.toString());
        if (caseField) {
            details.put("caseField", true);
        }
        return details;
    }

    private static OffsetDateTime date(Object value) {
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
