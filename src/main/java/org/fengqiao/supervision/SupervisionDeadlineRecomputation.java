package org.fengqiao.supervision;

import java.time.OffsetDateTime;

import org.fengqiao.calendar.CalendarYearChanged;
import org.fengqiao.calendar.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Entering a year's calendar recomputes the response deadlines of open 督办 records that were
 * counted through the calendar ({@link SupervisionRecords#raiseCounted}): again the same limit from
 * the moment the supervision was issued. A deadline given as a date (a warning pointing at the
 * mediation deadline), one that has passed, or one of a record that predates the stored limit stays
 * as it is. There is no timer: the escalation job reads {@code response_due_at}. Each change is
 * published as {@link SupervisionResponseDueRecomputed}, so that the target's module notes it in
 * the target's history; an unchanged deadline publishes nothing, so a second run changes nothing.
 */
@Component
class SupervisionDeadlineRecomputation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SupervisionDeadlineRecomputation.class);

    private final SupervisionRecords records;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;

    SupervisionDeadlineRecomputation(SupervisionRecords records, WorkingCalendar calendar, ApplicationEventPublisher events) {
        this.records = records;
        this.calendar = calendar;
        this.events = events;
    }

    @EventListener
    void on(CalendarYearChanged event) {
        OffsetDateTime now = calendar.now();
        OffsetDateTime from = event.firstMoment(calendar.zone());
        int changed = 0;
        for (SupervisionRecords.Counted s : records.countedOpenFrom(from, now)) {
            OffsetDateTime due = calendar.deadline(s.issuedAt(), s.responseLimit());
            if (due.isEqual(s.responseDueAt())) {
                continue;
            }
            records.moveResponseDue(s.id(), due);
            events.publishEvent(new SupervisionResponseDueRecomputed(s.id(), s.targetType(), s.targetId(), s.level(),
                    s.responseDueAt(), due, event.reason(), event.year()));
            changed++;
        }
        log.info("calendar {}: {} supervision response deadline(s) recomputed", event.year(), changed);
    }
}
