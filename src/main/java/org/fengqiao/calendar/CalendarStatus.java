package org.fengqiao.calendar;

/** Where a year's holidays come from. */
public enum CalendarStatus {
    /** The State Council General Office's yearly notice, entered from the seeds or by an admin. */
    OFFICIAL,
    /** No notice entered yet: computed from 《全国年节及纪念日放假办法》 (statutory holidays and weekend make-up days). */
    PROVISIONAL
}
