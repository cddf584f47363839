package org.fengqiao.custody.process;

import static org.fengqiao.custody.process.CustodyProcesses.*;

import org.fengqiao.calendar.CalendarYearChanged;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.supervision.SupervisionResponseDueRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Entering a year's calendar: the items' deadlines are recomputed ({@link
 * CustodyManagement#recomputeDeadlines}) and the engine's timers follow them, in the transaction
 * that changed the calendar.
 */
@Component
class CustodyDeadlineRecomputation {

    private final CustodyManagement management;
    private final CustodyProcessGateway gateway;

    CustodyDeadlineRecomputation(CustodyManagement management, CustodyProcessGateway gateway) {
        this.management = management;
        this.gateway = gateway;
    }

    @EventListener
    void on(SupervisionResponseDueRecomputed event) {
        management.noteSupervisionDeadline(event);
    }

    @EventListener
    void on(CalendarYearChanged event) {
        for (CustodyManagement.MovedDeadline moved : management.recomputeDeadlines(event)) {
            switch (moved.field()) {
                case HANDOVER_DUE_AT -> gateway.moveDeadline(INTAKE, moved.itemId(), HANDOVER_DUE_AT, moved.newDueAt(),
                        TIMER_HANDOVER_OVERDUE);
                case MEASURE_DUE_AT -> gateway.moveDeadline(MEASURE_PERIOD, moved.itemId(), MEASURE_DUE_AT,
                        moved.newDueAt(), TIMER_MEASURE_PERIOD_ENDS);
                case DISPOSAL_DUE_AT -> gateway.moveDeadline(DISPOSAL, moved.itemId(), DISPOSAL_DUE_AT, moved.newDueAt(),
                        TIMER_APPROVAL_OVERDUE, TIMER_EXECUTION_OVERDUE);
                default -> throw new IllegalStateException("no timer for " + moved.field());
            }
            // the item's open tasks show the moved deadline
            gateway.refreshCards(moved.itemId(), null);
        }
    }
}
