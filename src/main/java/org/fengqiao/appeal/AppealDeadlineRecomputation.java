package org.fengqiao.appeal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.appeal.process.AppealProcessGateway;
import org.fengqiao.appeal.process.AppealProcessGateway.Timer;
import org.fengqiao.calendar.CalendarYearChanged;
import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.supervision.SupervisionResponseDueRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Entering (or changing) a year's calendar recomputes the open appeals' handling deadline
 * ({@code dueAt}) and the 督办通知 date after it ({@code noticeAt}), in the transaction that changed
 * the calendar, as {@link AppealManagement} computed them: the handling limit counted from the
 * current triage (the limit is the appeal's {@code timeLimit}), then the approved extension
 * recorded in the history since, which adds its days to the due date it extended; the notice
 * {@code notice-after} after the due date. A link of the chain that had already passed when it was
 * extended stays as it was (its value then is the one recorded at the link, or by a recomputation
 * noted before the extension). A deadline already passed stays as it is (its timer has fired).
 * Only values that differ change, so a second run changes nothing; each change moves the engine's
 * timer, updates the variable it reads and adds a history entry {@code deadline-recomputed}.
 */
@Component
class AppealDeadlineRecomputation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppealDeadlineRecomputation.class);
    static final String ACTION = "deadline-recomputed";

    private final Appeals appeals;
    private final WorkingCalendar calendar;
    private final AppealSettings settings;
    private final AppealProcessGateway process;

    AppealDeadlineRecomputation(Appeals appeals, WorkingCalendar calendar, AppealSettings settings,
                                AppealProcessGateway process) {
        this.appeals = appeals;
        this.calendar = calendar;
        this.settings = settings;
        this.process = process;
    }

    @EventListener
    void on(CalendarYearChanged event) {
        OffsetDateTime now = calendar.now();
        OffsetDateTime from = event.firstMoment(calendar.zone());
        int changed = 0;
        for (String id : appeals.withOpenDeadlinesFrom(from, now)) {
            changed += recompute(id, event, now);
        }
        log.info("calendar {}: {} appeal deadline(s) recomputed", event.year(), changed);
    }

    /** A 督办 on an appeal got a new response deadline: the appeal's history notes it. */
    @EventListener
    void on(SupervisionResponseDueRecomputed event) {
        if (!AppealManagement.TARGET_TYPE.equals(event.targetType())) {
            return;
        }
        appeals.find(event.targetId()).ifPresent(a -> appeals.addHistory(a.id, calendar.now(), AppealManagement.SYSTEM,
                ACTION, a.status, a.status, event.historyDetails()));
    }

    int recompute(String appealId, CalendarYearChanged event, OffsetDateTime now) {
        appeals.lock(appealId);
        Appeal a = appeals.find(appealId).orElse(null);
        if (a == null || a.processInstanceId == null || a.dueAt == null || a.timeLimit == null) {
            return 0;
        }
        OffsetDateTime due = handlingDue(a, appeals.history(a.id), now);
        if (due == null) {
            return 0;
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        if (a.dueAt.isAfter(now) && !due.isEqual(a.dueAt)) {
            changes.add(change("dueAt", a.dueAt, due, event));
            a.dueAt = due;
            process.moveTimer(a, Timer.HANDLING, due);
        }
        if (a.noticeAt != null && a.noticeAt.isAfter(now)) {
            OffsetDateTime notice = calendar.deadline(a.dueAt, settings.noticeAfter());
            if (!notice.isEqual(a.noticeAt)) {
                changes.add(change("noticeAt", a.noticeAt, notice, event));
                a.noticeAt = notice;
                process.moveTimer(a, Timer.NOTICE, notice);
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        a.updatedAt = now;
        appeals.update(a);
        // the summary, the card (期限) of the open handling task and its due date follow the new deadline
        process.refresh(a);
        for (Map<String, Object> change : changes) {
            appeals.addHistory(a.id, now, AppealManagement.SYSTEM, ACTION, a.status, a.status, change);
        }
        return changes.size();
    }

    /** The handling deadline along its chain: the current triage, then the approved extension since. */
    private OffsetDateTime handlingDue(Appeal a, List<Appeals.HistoryEntry> history, OffsetDateTime now) {
        int start = -1;
        for (int i = 0; i < history.size(); i++) {
            if ("triage".equals(history.get(i).action()) && history.get(i).details().get("dueAt") != null) {
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        List<Integer> links = new ArrayList<>();
        links.add(start);
        for (int i = start + 1; i < history.size(); i++) {
            Map<String, Object> d = history.get(i).details();
            if ("extension-approval".equals(history.get(i).action()) && Boolean.TRUE.equals(d.get("approved"))
                    && d.get("extraDays") instanceof Number) {
                links.add(i);
            }
        }
        OffsetDateTime due = null;
        for (int l = 0; l < links.size(); l++) {
            int at = links.get(l);
            OffsetDateTime effective = l + 1 < links.size() ? effectiveDue(history, at, links.get(l + 1)) : a.dueAt;
            if (effective != null && !effective.isAfter(now)) {
                due = effective;
            } else if (l == 0) {
                due = calendar.deadline(history.get(at).at(), limit(a.timeLimit));
            } else {
                int extra = ((Number) history.get(at).details().get("extraDays")).intValue();
                due = calendar.deadline(due, TimeLimit.calendarDays(extra));
            }
        }
        return due;
    }

    /** The due date in force just before entry {@code until}: the one recorded at {@code link}, or recomputed since. */
    private static OffsetDateTime effectiveDue(List<Appeals.HistoryEntry> history, int link, int until) {
        OffsetDateTime value = date(history.get(link).details().get("dueAt"));
        for (int i = link + 1; i < until; i++) {
            Map<String, Object> d = history.get(i).details();
            if (ACTION.equals(history.get(i).action()) && "dueAt".equals(d.get("field"))) {
                value = date(d.get("newDueAt"));
            }
        }
        return value;
    }

    /** The appeal's {@code timeLimit} as written at triage: {@code "<amount> <UNIT>"}. */
    private static TimeLimit limit(String timeLimit) {
        String[] parts = timeLimit.trim().split("\\s+");
        return new TimeLimit(Integer.parseInt(parts[0]), DeadlineUnit.valueOf(parts[1]));
    }

    private static Map<String, Object> change(String field, OffsetDateTime old, OffsetDateTime due, CalendarYearChanged event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("oldDueAt", old.toString());
        details.put("newDueAt", due.toString());
        details.put("reason", event.reason());
        details.put("year", event.year());
        return details;
    }

    private static OffsetDateTime date(Object value) {
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
