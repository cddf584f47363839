package org.fengqiao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.shared.ValidationException;
import org.fengqiao.support.MemoryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar's counting rules without a Spring context, on a fixed clock (2026-12-04,
 * Asia/Shanghai) and the 2026 notice (国办发明电〔2025〕7号: 春节 02-15…02-23 off, 02-14 and 02-28
 * worked; 国庆 10-01…10-07 off, 09-20 and 10-10 worked). 2027 has no notice: provisional.
 * Fast enough for mutation testing (profile {@code mutation}).
 */
class WorkingCalendarRulesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), CHINA);

    private final List<CalendarYearChanged> events = new ArrayList<>();
    private WorkingCalendar calendar;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<LocalDate> range(String from, String to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    @BeforeEach
    void calendarWith2026Notice() {
        calendar = new WorkingCalendar(MemoryDatabase.migrated(), CLOCK, e -> events.add((CalendarYearChanged) e));
        List<LocalDate> holidays = new ArrayList<>(range("2026-02-15", "2026-02-23"));
        holidays.addAll(range("2026-10-01", "2026-10-07"));
        calendar.replace(new CalendarYear(2026, null, "国办发明电〔2025〕7号", holidays,
                List.of(d("2026-02-14"), d("2026-02-28"), d("2026-09-20"), d("2026-10-10"))));
        events.clear();
    }

    @Test
    void workingDaysFollowTheNoticeThenTheWeek() {
        assertThat(calendar.isWorkingDay(d("2026-02-16"))).as("a Monday off").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("a Saturday worked").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-03-07"))).as("a plain Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-03-08"))).as("a plain Sunday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-03-09"))).as("a plain Monday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-03-13"))).as("a plain Friday").isTrue();
        assertThatThrownBy(() -> calendar.isWorkingDay(d("1949-10-01"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("1949");
    }

    @Test
    void calendarDaysAndMonthsEndOnTheNextWorkingDay() {
        WorkingCalendar.Due due = calendar.due(d("2026-02-05"), 10, DeadlineUnit.CALENDAR_DAYS);
        assertThat(due.dueDate()).as("02-15 is off until 02-23").isEqualTo(d("2026-02-24"));
        assertThat(due.provisional()).isFalse();
        assertThat(calendar.dueDate(d("2026-03-02"), 4, DeadlineUnit.CALENDAR_DAYS)).isEqualTo(d("2026-03-06"));
        assertThat(calendar.dueDate(d("2026-03-02"), 5, DeadlineUnit.CALENDAR_DAYS)).as("Saturday → Monday").isEqualTo(d("2026-03-09"));
        assertThat(calendar.dueDate(d("2026-02-15"), 0, DeadlineUnit.CALENDAR_DAYS)).as("zero days on a rest day").isEqualTo(d("2026-02-24"));
        assertThat(calendar.dueDate(d("2026-03-09"), 0, DeadlineUnit.CALENDAR_DAYS)).isEqualTo(d("2026-03-09"));

        assertThat(calendar.dueDate(d("2026-01-31"), 1, DeadlineUnit.MONTHS)).as("month end, a make-up Saturday").isEqualTo(d("2026-02-28"));
        assertThat(calendar.dueDate(d("2026-03-31"), 1, DeadlineUnit.MONTHS)).isEqualTo(d("2026-04-30"));
        assertThat(calendar.dueDate(d("2026-09-01"), 1, DeadlineUnit.MONTHS)).as("10-01 is off until 10-07").isEqualTo(d("2026-10-08"));

        WorkingCalendar.Due intoNextYear = calendar.due(d("2026-12-04"), 30, DeadlineUnit.CALENDAR_DAYS);
        assertThat(intoNextYear.dueDate()).as("2027-01-03 is a Sunday").isEqualTo(d("2027-01-04"));
        assertThat(intoNextYear.provisional()).isTrue();
        assertThat(calendar.due(d("2026-12-30"), 0, DeadlineUnit.CALENDAR_DAYS).provisional()).isFalse();
        assertThat(calendar.due(d("2026-12-31"), 1, DeadlineUnit.CALENDAR_DAYS).provisional()).isTrue();
    }

    @Test
    void workingDaysCountOnlyWorkingDaysAndHoursCountWholeDays() {
        assertThat(calendar.dueDate(d("2026-02-12"), 3, DeadlineUnit.WORKING_DAYS)).isEqualTo(d("2026-02-24"));
        assertThat(calendar.dueDate(d("2026-03-06"), 1, DeadlineUnit.WORKING_DAYS)).isEqualTo(d("2026-03-09"));
        assertThat(calendar.dueDate(d("2026-03-06"), 0, DeadlineUnit.WORKING_DAYS)).isEqualTo(d("2026-03-06"));
        assertThat(calendar.dueDate(d("2026-02-14"), 1, DeadlineUnit.HOURS)).as("hours ignore the calendar").isEqualTo(d("2026-02-15"));
        assertThat(calendar.dueDate(d("2026-02-14"), 24, DeadlineUnit.HOURS)).isEqualTo(d("2026-02-15"));
        assertThat(calendar.dueDate(d("2026-02-14"), 25, DeadlineUnit.HOURS)).isEqualTo(d("2026-02-16"));
        assertThat(calendar.due(d("2026-12-31"), 48, DeadlineUnit.HOURS).provisional()).isFalse();
    }

    @Test
    void amountsOutsideZeroTo3660AreRefusedNamingTheField() {
        assertThatThrownBy(() -> calendar.due(d("2026-03-02"), -1, DeadlineUnit.CALENDAR_DAYS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("amount"));
        assertThatThrownBy(() -> calendar.due(d("2026-03-02"), 3661, DeadlineUnit.CALENDAR_DAYS)).isInstanceOf(ValidationException.class);
        assertThat(calendar.dueDate(d("2026-03-02"), 3660, DeadlineUnit.HOURS)).as("153 whole days").isEqualTo(d("2026-08-02"));
    }

    @Test
    void deadlinesEndAtTheLastSecondOfTheDayInChinaAndHoursRunFromTheMoment() {
        OffsetDateTime start = OffsetDateTime.parse("2026-02-04T17:00:00Z");
        assertThat(calendar.deadline(start, TimeLimit.calendarDays(1)))
                .as("01:00 on 02-05 in China: one day later is 02-06")
                .isEqualTo(OffsetDateTime.parse("2026-02-06T23:59:59+08:00"));
        assertThat(calendar.deadline(start, new TimeLimit(24, DeadlineUnit.HOURS))).isEqualTo(start.plusHours(24));
        assertThat(calendar.endOfDay(d("2026-03-02"))).isEqualTo(OffsetDateTime.parse("2026-03-02T23:59:59+08:00"));

        OffsetDateTime monday = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");
        TimeLimit month = new TimeLimit(1, DeadlineUnit.MONTHS);
        assertThat(calendar.earlierDeadline(monday, month, null)).isEqualTo(OffsetDateTime.parse("2026-04-02T23:59:59+08:00"));
        assertThat(calendar.earlierDeadline(monday, month, 10)).isEqualTo(OffsetDateTime.parse("2026-03-12T23:59:59+08:00"));
        assertThat(calendar.earlierDeadline(monday, month, 45)).as("never past the statutory month")
                .isEqualTo(OffsetDateTime.parse("2026-04-02T23:59:59+08:00"));
        assertThat(calendar.earlierDeadline(monday, month, 31)).as("equal: the statutory one")
                .isEqualTo(OffsetDateTime.parse("2026-04-02T23:59:59+08:00"));
    }

    @Test
    void warningsComeAheadOfTheDeadlineAtNineInTheMorning() {
        OffsetDateTime deadline = OffsetDateTime.parse("2026-02-24T23:59:59+08:00");
        assertThat(calendar.workingDaysBefore(d("2026-02-24"), 2)).isEqualTo(d("2026-02-13"));
        assertThat(calendar.workingDaysBefore(d("2026-02-24"), 0)).isEqualTo(d("2026-02-24"));
        assertThat(calendar.warningBefore(deadline, new TimeLimit(2, DeadlineUnit.WORKING_DAYS)))
                .isEqualTo(OffsetDateTime.parse("2026-02-13T09:00:00+08:00"));
        assertThat(calendar.warningBefore(deadline, TimeLimit.calendarDays(3)))
                .isEqualTo(OffsetDateTime.parse("2026-02-21T09:00:00+08:00"));
        assertThat(calendar.warningBefore(deadline, new TimeLimit(1, DeadlineUnit.MONTHS)))
                .isEqualTo(OffsetDateTime.parse("2026-01-24T09:00:00+08:00"));
        assertThat(calendar.warningBefore(deadline, new TimeLimit(5, DeadlineUnit.HOURS)))
                .isEqualTo(OffsetDateTime.parse("2026-02-24T18:59:59+08:00"));
    }

    @Test
    void aDeadlineRestsOnAProvisionalYearWhenADayFromTodayToItLiesInOne() {
        assertThat(calendar.today()).isEqualTo(d("2026-12-04"));
        assertThat(calendar.now().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(calendar.zone()).isEqualTo(CHINA);
        assertThat(calendar.restsOnProvisional(null)).isFalse();
        assertThat(calendar.restsOnProvisional(OffsetDateTime.parse("2026-12-31T23:59:59+08:00"))).isFalse();
        assertThat(calendar.restsOnProvisional(OffsetDateTime.parse("2027-01-04T23:59:59+08:00"))).isTrue();
        assertThat(calendar.restsOnProvisional(OffsetDateTime.parse("2026-12-31T16:00:00Z"))).as("2027-01-01 in China").isTrue();
        assertThat(calendar.restsOnProvisional(OffsetDateTime.parse("2026-03-02T23:59:59+08:00"))).as("past, official").isFalse();
        assertThat(calendar.restsOnProvisional(OffsetDateTime.parse("2025-03-03T23:59:59+08:00"))).as("past, no notice").isTrue();
        assertThat(calendar.isProvisional(d("2026-01-01"), d("2026-12-31"))).isFalse();
        assertThat(calendar.isProvisional(d("2027-01-01"), d("2026-12-31"))).as("either order").isTrue();
    }

    @Test
    void findAnswersEveryYearInRangeOfficialFirst() {
        CalendarYear official = calendar.find(2026).orElseThrow();
        assertThat(official.status()).isEqualTo(CalendarStatus.OFFICIAL);
        assertThat(official.source()).isEqualTo("国办发明电〔2025〕7号");
        assertThat(official.holidays()).hasSize(16).contains(d("2026-10-07"));
        assertThat(official.makeUpWorkdays()).containsExactlyInAnyOrder(d("2026-02-14"), d("2026-02-28"), d("2026-09-20"), d("2026-10-10"));
        assertThat(calendar.hasYear(2026)).isTrue();
        assertThat(calendar.hasYear(2027)).isFalse();
        CalendarYear provisional = calendar.find(2027).orElseThrow();
        assertThat(provisional.provisional()).isTrue();
        assertThat(calendar.find(2027).orElseThrow()).as("computed once").isSameAs(provisional);
        assertThat(calendar.find(1949)).isEmpty();
        assertThat(calendar.find(2101)).isEmpty();
        assertThat(calendar.find(1950)).isPresent();
        assertThat(calendar.find(2100)).isPresent();
    }

    @Test
    void enteringANoticeChangesCountingAtOnceAndPublishesOnlyRealChanges() {
        assertThat(calendar.isWorkingDay(d("2027-01-04"))).isTrue();
        CalendarYear entered = calendar.replace(new CalendarYear(2027, null, "  通知  ",
                List.of(d("2027-01-01"), d("2027-01-04")), List.of(d("2027-01-09"))));
        assertThat(entered.status()).isEqualTo(CalendarStatus.OFFICIAL);
        assertThat(entered.source()).as("stripped").isEqualTo("通知");
        assertThat(calendar.isWorkingDay(d("2027-01-04"))).as("no stale cache").isFalse();
        assertThat(calendar.isWorkingDay(d("2027-01-09"))).isTrue();
        assertThat(events).containsExactly(new CalendarYearChanged(2027, CalendarStatus.PROVISIONAL, "通知"));

        calendar.replace(new CalendarYear(2027, null, "通知", List.of(d("2027-01-04"), d("2027-01-01")), List.of(d("2027-01-09"))));
        assertThat(events).as("same days: nothing to recompute").hasSize(1);

        calendar.replace(new CalendarYear(2027, null, " ", List.of(d("2027-01-01")), List.of()));
        assertThat(events).hasSize(2);
        assertThat(events.get(1).previousStatus()).isEqualTo(CalendarStatus.OFFICIAL);
        assertThat(events.get(1).source()).isEqualTo("国务院办公厅节假日安排通知");
        assertThat(calendar.isWorkingDay(d("2027-01-04"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2027-01-09"))).as("a Saturday again").isFalse();

        calendar.replace(new CalendarYear(2027, null, null, List.of(d("2027-01-01")), List.of(d("2027-01-10"))));
        assertThat(events).as("a make-up day changed").hasSize(3);
        assertThat(calendar.find(2027).orElseThrow().source()).isEqualTo("国务院办公厅节假日安排通知");
    }

    @Test
    void aNoticeIsValidatedFieldByField() {
        assertThat(fieldsOf(new CalendarYear(1949, null, null, List.of(d("1949-10-01")), List.of()))).contains("year");
        assertThat(fieldsOf(new CalendarYear(2100, null, null, List.of(d("2100-01-01")), null))).isEmpty();
        assertThat(fieldsOf(new CalendarYear(2028, null, null, List.of(), List.of()))).containsExactly("holidays");
        assertThat(fieldsOf(new CalendarYear(2028, null, null, null, null))).containsExactly("holidays");
        assertThat(fieldsOf(new CalendarYear(2028, null, null, List.of(d("2029-01-01")), List.of()))).containsExactly("holidays");
        assertThat(fieldsOf(new CalendarYear(2028, null, null, List.of(d("2028-01-01")), List.of(d("2027-12-31")))))
                .containsExactly("makeUpWorkdays");
        assertThat(fieldsOf(new CalendarYear(2028, null, null, List.of(d("2028-01-01")), List.of(d("2028-01-01")))))
                .containsExactly("makeUpWorkdays");
        assertThat(fieldsOf(new CalendarYear(2028, null, "源".repeat(201), List.of(d("2028-01-01")), List.of())))
                .containsExactly("source");
        assertThat(fieldsOf(new CalendarYear(2028, null, "源".repeat(200), List.of(d("2028-01-01")), List.of()))).isEmpty();
        assertThat(calendar.hasYear(2029)).isFalse();
    }

    private List<String> fieldsOf(CalendarYear year) {
        try {
            calendar.replace(year);
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationException.FieldError::field).toList();
        }
    }
}
