package org.fengqiao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based tests (jqwik) of the deadline arithmetic of domain §0 over the seeded 2025 and 2026
 * calendars and the provisional years after them: any start day from 2025-01-01 to 2035-12-12, any
 * length up to 40 days (months: up to 14). The calendar
 * runs on its own in-memory H2 database migrated by the application's Flyway scripts and filled
 * from {@code seeds/reference/calendar.yml}, exactly as start-up fills it.
 */
class WorkingCalendarPropertiesTest {

    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static WorkingCalendar calendar;

    @BeforeContainer
    static void seededCalendar() throws IOException {
        String url = "jdbc:h2:mem:calendar-properties;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        calendar = new WorkingCalendar(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")), Clock.system(ZONE), event -> { });
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        try (InputStream in = WorkingCalendarPropertiesTest.class.getResourceAsStream("/seeds/reference/calendar.yml")) {
            CalendarSeeds.years(yaml.readValue(in, CalendarSeeds.SeedFile.class)).forEach(calendar::replace);
        }
    }

    static LocalDate day(int offset) {
        return FIRST.plusDays(offset);
    }

    /** "N 日": the start day does not count; a deadline on a rest day moves to the next working day, no further. */
    @Property
    void calendarDaysLandOnTheFirstWorkingDayFromStartPlusN(@ForAll @IntRange(max = 4000) int start,
                                                           @ForAll @IntRange(max = 40) int n) {
        LocalDate from = day(start);
        LocalDate due = calendar.dueDate(from, n, DeadlineUnit.CALENDAR_DAYS);
        assertThat(calendar.isWorkingDay(due)).isTrue();
        assertThat(due).isAfterOrEqualTo(from.plusDays(n));
        for (LocalDate d = from.plusDays(n); d.isBefore(due); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as("%s lies between %s + %d and %s", d, from, n, due).isFalse();
        }
    }

    /** "N 个工作日": exactly N working days after the start day, the last of them the due date. */
    @Property
    void workingDaysCountExactlyNWorkingDaysAfterTheStart(@ForAll @IntRange(max = 4000) int start,
                                                         @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate from = day(start);
        LocalDate due = calendar.dueDate(from, n, DeadlineUnit.WORKING_DAYS);
        assertThat(calendar.isWorkingDay(due)).isTrue();
        int counted = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        assertThat(counted).isEqualTo(n);
    }

    /** A longer limit never ends earlier, in either unit; N working days never end before N calendar days. */
    @Property
    void longerLimitsNeverEndEarlier(@ForAll @IntRange(max = 4000) int start, @ForAll @IntRange(max = 39) int n) {
        LocalDate from = day(start);
        for (DeadlineUnit unit : new DeadlineUnit[] {DeadlineUnit.CALENDAR_DAYS, DeadlineUnit.WORKING_DAYS}) {
            assertThat(calendar.dueDate(from, n + 1, unit)).isAfterOrEqualTo(calendar.dueDate(from, n, unit));
        }
        assertThat(calendar.dueDate(from, n + 1, DeadlineUnit.WORKING_DAYS))
                .isAfterOrEqualTo(calendar.dueDate(from, n + 1, DeadlineUnit.CALENDAR_DAYS));
    }

    /** Counting N working days back from a deadline of N working days returns to a working start day. */
    @Property
    void workingDaysBeforeUndoesWorkingDaysAfter(@ForAll @IntRange(max = 4000) int start,
                                                @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate from = day(start);
        Assume.that(calendar.isWorkingDay(from));
        assertThat(calendar.workingDaysBefore(calendar.dueDate(from, n, DeadlineUnit.WORKING_DAYS), n)).isEqualTo(from);
    }

    /** A deadline in days runs to the end (23:59:59, +08:00) of its due date, never before the start. */
    @Property
    void aDeadlineEndsAtTheEndOfItsDueDate(@ForAll @IntRange(max = 4000) int start, @ForAll @IntRange(max = 40) int n,
                                           @ForAll @IntRange(max = 86_399) int second) {
        OffsetDateTime begins = day(start).atStartOfDay(ZONE).plusSeconds(second).toOffsetDateTime();
        OffsetDateTime ends = calendar.deadline(begins, new TimeLimit(n, DeadlineUnit.CALENDAR_DAYS));
        assertThat(ends.toLocalDate()).isEqualTo(calendar.dueDate(day(start), n, DeadlineUnit.CALENDAR_DAYS));
        assertThat(ends.toLocalTime().toString()).isEqualTo("23:59:59");
        assertThat(ends).isAfterOrEqualTo(begins);
    }

    /**
     * "N 个月" (民法典 §200–§203): the corresponding day N months on, or that month's last day when it
     * has none, moved to the first working day from there; a year without a notice says provisional.
     */
    @Property
    void monthsEndOnTheCorrespondingDayOrTheMonthsLastDay(@ForAll @IntRange(max = 4000) int start,
                                                         @ForAll @IntRange(max = 14) int n) {
        LocalDate from = day(start);
        WorkingCalendar.Due due = calendar.due(from, n, DeadlineUnit.MONTHS);
        LocalDate corresponding = from.withDayOfMonth(1).plusMonths(n);
        corresponding = corresponding.withDayOfMonth(Math.min(from.getDayOfMonth(), corresponding.lengthOfMonth()));
        assertThat(calendar.isWorkingDay(due.dueDate())).isTrue();
        assertThat(due.dueDate()).isAfterOrEqualTo(corresponding);
        for (LocalDate d = corresponding; d.isBefore(due.dueDate()); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).isFalse();
        }
        assertThat(due.provisional()).isEqualTo(due.dueDate().getYear() > 2026);
    }
}
