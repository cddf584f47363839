package org.fengqiao.calendar;

/**
 * A year's calendar was entered or changed (published inside the transaction that changed it):
 * every open deadline lying in or crossing that year is to be recomputed from its original start.
 *
 * @param previousStatus what the year was before ({@code PROVISIONAL} when no notice had been entered)
 */
public record CalendarYearChanged(int year, CalendarStatus previousStatus, String source) {

    /** Why a recomputed deadline moved, for the cases' history (e.g. "2027 年节假日安排已录入（国办发明电〔2026〕…）"). */
    public String reason() {
        String what = previousStatus == CalendarStatus.OFFICIAL ? "已更新" : "已录入";
        return year + " 年节假日安排" + what + (source == null || source.isBlank() ? "" : "（" + source + "）");
    }

    /**
     * The first moment of the year in {@code zone}: a deadline before it counted no day of that year
     * (nor moved into it), so only deadlines from here on can depend on the change.
     */
    public java.time.OffsetDateTime firstMoment(java.time.ZoneId zone) {
        return java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
    }
}
