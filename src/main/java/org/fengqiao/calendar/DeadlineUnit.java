package org.fengqiao.calendar;

public enum DeadlineUnit {
    /** "N 日": calendar days, start day not counted, rolled forward past rest days. */
    CALENDAR_DAYS,
    /** "N 个工作日". */
    WORKING_DAYS,
    /** Hours (e.g. 24 h hand-over of seized property), no calendar applied. */
    HOURS
}
