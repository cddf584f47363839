package org.fengqiao.calendar;

import java.time.LocalDate;
import java.util.List;

/** One year of the calendar: its rest days off the normal week and its make-up working days. */
public record CalendarYear(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
}
