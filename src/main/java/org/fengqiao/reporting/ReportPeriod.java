package org.fengqiao.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.fengqiao.shared.ValidationException;

/**
 * A report period of whole days, both ends inclusive, in the application's zone (Asia/Shanghai).
 * Queried as the half-open interval [from 00:00, day after to 00:00). A missing end means "all
 * time" on that side.
 */
public record ReportPeriod(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end) {

    /** Earlier and later than any record the product writes; stand-ins for an open end. */
    static final OffsetDateTime BEGINNING = OffsetDateTime.parse("1900-01-01T00:00:00Z");
    static final OffsetDateTime END = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    public static ReportPeriod of(LocalDate from, LocalDate to, ZoneId zone) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ValidationException.of("from", "开始日期不能晚于结束日期 (from must not be after to)");
        }
        OffsetDateTime start = from == null ? BEGINNING : from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to == null ? END : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return new ReportPeriod(from, to, start, end);
    }

    public static ReportPeriod allTime() {
        return new ReportPeriod(null, null, BEGINNING, END);
    }
}
