package org.fengqiao.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fengqiao.shared.Validation;
import org.fengqiao.shared.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadline arithmetic over the working-day calendar (domain §0, 民事诉讼法 第85条):
 * <ul>
 *   <li>the start day is not counted;</li>
 *   <li>{@code CALENDAR_DAYS}: add N days; if the last day is a rest day (weekend that is not a
 *       make-up working day, or a statutory holiday) the deadline moves to the next working day;</li>
 *   <li>{@code WORKING_DAYS}: the N-th working day after the start day;</li>
 *   <li>a day-based deadline ends at 23:59:59 of its last day in the centre's time zone.</li>
 * </ul>
 * A computation that touches a year without calendar data is refused (422) rather than guessed.
 */
@Service
public class WorkingCalendar {

    private static final int MAX_AMOUNT = 3660;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.util.Map<Integer, YearData> years = new ConcurrentHashMap<>();

    private record YearData(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    }

    WorkingCalendar(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean isWorkingDay(LocalDate day) {
        YearData data = year(day.getYear());
        if (data.holidays().contains(day)) {
            return false;
        }
        if (data.workdays().contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The last day of a period of {@code amount} {@code unit}s starting on {@code from}. */
    public LocalDate dueDate(LocalDate from, int amount, DeadlineUnit unit) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw ValidationException.of("amount", "必须在 0 到 " + MAX_AMOUNT + " 之间 (must be 0.." + MAX_AMOUNT + ")");
        }
        return switch (unit) {
            case CALENDAR_DAYS -> nextWorkingDayFrom(from.plusDays(amount));
            case WORKING_DAYS -> {
                LocalDate day = from;
                int counted = 0;
                while (counted < amount) {
                    day = day.plusDays(1);
                    if (isWorkingDay(day)) {
                        counted++;
                    }
                }
                yield day;
            }
            case HOURS -> from.plusDays((amount + 23) / 24);
        };
    }

    /** The moment a limit runs out when it starts at {@code start}. */
    public OffsetDateTime deadline(OffsetDateTime start, TimeLimit limit) {
        if (limit.unit() == DeadlineUnit.HOURS) {
            return start.plusHours(limit.amount());
        }
        LocalDate startDay = start.atZoneSameInstant(zone()).toLocalDate();
        return endOfDay(dueDate(startDay, limit.amount(), limit.unit()));
    }

    /** {@code amount} working days before {@code day} (used for warnings ahead of a deadline). */
    public LocalDate workingDaysBefore(LocalDate day, int amount) {
        LocalDate result = day;
        int counted = 0;
        while (counted < amount) {
            result = result.minusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    /** Moment at which a warning is due ahead of {@code deadline}. */
    public OffsetDateTime warningBefore(OffsetDateTime deadline, TimeLimit ahead) {
        if (ahead.unit() == DeadlineUnit.HOURS) {
            return deadline.minusHours(ahead.amount());
        }
        LocalDate day = deadline.atZoneSameInstant(zone()).toLocalDate();
        LocalDate warnDay = ahead.unit() == DeadlineUnit.WORKING_DAYS
                ? workingDaysBefore(day, ahead.amount()) : day.minusDays(ahead.amount());
        return warnDay.atTime(LocalTime.of(9, 0)).atZone(zone()).toOffsetDateTime();
    }

    public OffsetDateTime endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone()).toOffsetDateTime();
    }

    private LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate result = day;
        while (!isWorkingDay(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    public Optional<CalendarYear> find(int year) {
        Integer known = jdbc.sql("select count(*) from calendar_year where year_no = ?").param(year)
                .query(Integer.class).single();
        if (known == 0) {
            return Optional.empty();
        }
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> workdays = new ArrayList<>();
        jdbc.sql("select day_date, kind from calendar_day where day_date between ? and ? order by day_date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    ("HOLIDAY".equals(rs.getString(2)) ? holidays : workdays).add(day);
                });
        return Optional.of(new CalendarYear(year, holidays, workdays));
    }

    public boolean hasYear(int year) {
        return jdbc.sql("select count(*) from calendar_year where year_no = ?").param(year)
                .query(Integer.class).single() > 0;
    }

    /** Replaces one year's data. Every date must lie in that year; a date cannot be both. */
    @Transactional
    public CalendarYear replace(CalendarYear data) {
        validate(data);
        jdbc.sql("delete from calendar_day where day_date between ? and ?")
                .params(LocalDate.of(data.year(), 1, 1), LocalDate.of(data.year(), 12, 31)).update();
        for (LocalDate day : new HashSet<>(data.holidays())) {
            jdbc.sql("insert into calendar_day (day_date, kind) values (?, 'HOLIDAY')").param(day).update();
        }
        for (LocalDate day : new HashSet<>(data.makeUpWorkdays())) {
            jdbc.sql("insert into calendar_day (day_date, kind) values (?, 'WORKDAY')").param(day).update();
        }
        if (jdbc.sql("update calendar_year set updated_at = ? where year_no = ?").params(now(), data.year()).update() == 0) {
            jdbc.sql("insert into calendar_year (year_no, updated_at) values (?, ?)").params(data.year(), now()).update();
        }
        years.remove(data.year());
        return find(data.year()).orElseThrow();
    }

    private static void validate(CalendarYear data) {
        Validation v = new Validation();
        v.check(data.year() >= 1949 && data.year() <= 2200, "year", "年份无效 (invalid year)");
        v.require(data.holidays(), "holidays");
        if (data.holidays() != null) {
            v.check(data.holidays().stream().allMatch(d -> d != null && d.getYear() == data.year()), "holidays",
                    "所有日期必须属于 " + data.year() + " 年 (every date must lie in the year)");
        }
        if (data.makeUpWorkdays() != null) {
            v.check(data.makeUpWorkdays().stream().allMatch(d -> d != null && d.getYear() == data.year()),
                    "makeUpWorkdays", "所有日期必须属于 " + data.year() + " 年 (every date must lie in the year)");
            if (data.holidays() != null) {
                v.check(data.makeUpWorkdays().stream().noneMatch(data.holidays()::contains), "makeUpWorkdays",
                        "同一天不能既是假日又是调休上班日 (a date cannot be both)");
            }
        }
        v.throwIfInvalid();
    }

    private YearData year(int year) {
        return years.computeIfAbsent(year, y -> {
            CalendarYear data = find(y).orElseThrow(() -> ValidationException.of("calendar",
                    y + " 年的节假日数据尚未维护，无法计算期限 (no calendar data for " + y + ")"));
            return new YearData(Set.copyOf(data.holidays()), Set.copyOf(data.makeUpWorkdays()));
        });
    }

}
