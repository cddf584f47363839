package org.fengqiao.calendar;

/**
 * A year's calendar was entered or changed (published inside the transaction that changed it):
 * every open deadline lying in or crossing that year is to be recomputed from its original start.
 *
 * @param previousStatus what the year was before ({@code PROVISIONAL} when no notice had been entered)
 */
public record CalendarYearChanged(int year, CalendarStatus previousStatus, String source) {
}
