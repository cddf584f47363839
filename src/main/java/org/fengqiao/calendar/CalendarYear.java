package org.fengqiao.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of the calendar: its rest days off the normal week and its 调休 make-up working days,
 * whether they come from the yearly notice ({@code OFFICIAL}) or from the statutory rules
 * ({@code PROVISIONAL}), and which notice or rule ({@code source}).
 */
public record CalendarYear(int year, CalendarStatus status, String source, List<LocalDate> holidays,
                           List<LocalDate> makeUpWorkdays) {

    public boolean provisional() {
        return status == CalendarStatus.PROVISIONAL;
    }
}
