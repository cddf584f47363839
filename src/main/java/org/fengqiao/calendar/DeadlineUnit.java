package org.fengqiao.calendar;

public enum DeadlineUnit {
    /** "N 日": calendar days, start day not counted, rolled forward past rest days. */
    CALENDAR_DAYS,
    /** "N 个工作日". */
    WORKING_DAYS,
    /**
     * "N 个月" (民法典 §200–§203): the start day is not counted; the period ends on the corresponding
     * day of the last month, or on that month's last day when it has none; a rest day moves it to
     * the next working day.
     */
    MONTHS,
    /** Hours (e.g. 24 h hand-over of seized property), no calendar applied. */
    HOURS
}
