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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fengqiao.shared.Validation;
import org.fengqiao.shared.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadline arithmetic over the working-day calendar (domain §0, 民事诉讼法 第85条, 民法典 §200–§203):
 * <ul>
 *   <li>the start day is not counted;</li>
 *   <li>{@code CALENDAR_DAYS}: add N days; if the last day is a rest day (weekend that is not a
 *       make-up working day, or a statutory holiday) the deadline moves to the next working day;</li>
 *   <li>{@code MONTHS}: the corresponding day N months later (the month's last day when it has
 *       none), moved past rest days likewise;</li>
 *   <li>{@code WORKING_DAYS}: the N-th working day after the start day;</li>
 *   <li>a day-based deadline ends at 23:59:59 of its last day in the centre's time zone.</li>
 * </ul>
 * A year with the State Council's notice entered is {@code OFFICIAL}; any other year from 1950 to
 * 2100 is {@code PROVISIONAL}, computed from the statutory rules ({@link StatutoryHolidays}), so
 * that no deadline ever waits for next year's notice. Entering a year publishes
 * {@link CalendarYearChanged}, on which the modules recompute the open deadlines that depend on it.
 */
@Service
public class WorkingCalendar {

    private static final int MAX_AMOUNT = 3660;
    /** The source of an OFFICIAL year entered without naming its notice. */
    private static final String DEFAULT_SOURCE = "国务院办公厅节假日安排通知";
    /** How long a node trusts its copy of a year before reading it again (another node may have changed it). */
    private static final long CACHE_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<Integer, YearData> years = new ConcurrentHashMap<>();
    private final Map<Integer, CalendarYear> provisional = new ConcurrentHashMap<>();

    private record YearData(CalendarStatus status, Set<LocalDate> holidays, Set<LocalDate> workdays, long loadedAt) {
    }

    /** A computed last day, and whether any day counted to reach it lies in a provisional year. */
    public record Due(LocalDate dueDate, boolean provisional) {
    }

    WorkingCalendar(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
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
        return due(from, amount, unit).dueDate();
    }

    /** {@link #dueDate}, saying whether a day it counted lies in a provisional year. */
    public Due due(LocalDate from, int amount, DeadlineUnit unit) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw ValidationException.of("amount", "必须在 0 到 " + MAX_AMOUNT + " 之间 (must be 0.." + MAX_AMOUNT + ")");
        }
        LocalDate due = switch (unit) {
            case CALENDAR_DAYS -> nextWorkingDayFrom(from.plusDays(amount));
            case MONTHS -> nextWorkingDayFrom(from.plusMonths(amount));
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
        boolean counted = unit != DeadlineUnit.HOURS && isProvisional(from.plusDays(amount == 0 ? 0 : 1), due);
        return new Due(due, counted);
    }

    /** The moment a limit runs out when it starts at {@code start}. */
    public OffsetDateTime deadline(OffsetDateTime start, TimeLimit limit) {
        if (limit.unit() == DeadlineUnit.HOURS) {
            return start.plusHours(limit.amount());
        }
        LocalDate startDay = start.atZoneSameInstant(zone()).toLocalDate();
        return endOfDay(dueDate(startDay, limit.amount(), limit.unit()));
    }

    /** The earlier of two limits from one start (e.g. a suggested number of days within a statutory month). */
    public OffsetDateTime earlierDeadline(OffsetDateTime start, TimeLimit limit, Integer days) {
        OffsetDateTime statutory = deadline(start, limit);
        if (days == null) {
            return statutory;
        }
        OffsetDateTime suggested = deadline(start, TimeLimit.calendarDays(days));
        return suggested.isBefore(statutory) ? suggested : statutory;
    }

    /**
     * Whether a deadline rests on a provisional year: a day between {@code from} (or today, when
     * later) and {@code due} lies in a year that has no notice entered.
     */
    public boolean restsOnProvisional(OffsetDateTime due) {
        if (due == null) {
            return false;
        }
        LocalDate dueDay = due.atZoneSameInstant(zone()).toLocalDate();
        LocalDate today = today();
        return isProvisional(today.isBefore(dueDay) ? today : dueDay, dueDay);
    }

    /** Whether a year from {@code from} to {@code to} is provisional. */
    public boolean isProvisional(LocalDate from, LocalDate to) {
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (year(y).status() == CalendarStatus.PROVISIONAL) {
                return true;
            }
        }
        return false;
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
        LocalDate warnDay = switch (ahead.unit()) {
            case WORKING_DAYS -> workingDaysBefore(day, ahead.amount());
            case MONTHS -> day.minusMonths(ahead.amount());
            default -> day.minusDays(ahead.amount());
        };
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

    /** Any year from 1950 to 2100: the notice where entered, else the provisional calendar. */
    public Optional<CalendarYear> find(int year) {
        Optional<CalendarYear> official = official(year);
        if (official.isPresent() || !StatutoryHolidays.inRange(year)) {
            return official;
        }
        return Optional.of(provisional.computeIfAbsent(year, StatutoryHolidays::provisional));
    }

    /** The year's notice, if one has been entered. */
    public Optional<CalendarYear> official(int year) {
        List<String> source = jdbc.sql("select source from calendar_year where year_no = ?").param(year)
                .query((rs, n) -> rs.getString(1)).list();
        if (source.isEmpty()) {
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
        String text = source.get(0) == null ? DEFAULT_SOURCE : source.get(0);
        return Optional.of(new CalendarYear(year, CalendarStatus.OFFICIAL, text, holidays, workdays));
    }

    public boolean hasYear(int year) {
        return official(year).isPresent();
    }

    /**
     * Enters one year's notice, which makes the year {@code OFFICIAL}. Every date must lie in that
     * year; a date cannot be both. Publishes {@link CalendarYearChanged} when the days changed.
     */
    @Transactional
    public CalendarYear replace(CalendarYear data) {
        validate(data);
        Optional<CalendarYear> before = find(data.year());
        jdbc.sql("delete from calendar_day where day_date between ? and ?")
                .params(LocalDate.of(data.year(), 1, 1), LocalDate.of(data.year(), 12, 31)).update();
        for (LocalDate day : new HashSet<>(data.holidays())) {
            jdbc.sql("insert into calendar_day (day_date, kind) values (?, 'HOLIDAY')").param(day).update();
        }
        for (LocalDate day : data.makeUpWorkdays() == null ? Set.<LocalDate>of() : new HashSet<>(data.makeUpWorkdays())) {
            jdbc.sql("insert into calendar_day (day_date, kind) values (?, 'WORKDAY')").param(day).update();
        }
        String source = data.source() == null || data.source().isBlank() ? DEFAULT_SOURCE : data.source().strip();
        if (jdbc.sql("update calendar_year set updated_at = ?, source = ? where year_no = ?")
                .params(now(), source, data.year()).update() == 0) {
            jdbc.sql("insert into calendar_year (year_no, updated_at, source) values (?, ?, ?)")
                    .params(data.year(), now(), source).update();
        }
        years.remove(data.year());
        CalendarYear after = find(data.year()).orElseThrow();
        boolean changed = before.isEmpty() || !sameDays(before.get(), after);
        if (changed) {
            events.publishEvent(new CalendarYearChanged(data.year(), before.map(CalendarYear::status).orElse(null), source));
        }
        return after;
    }

    private static boolean sameDays(CalendarYear a, CalendarYear b) {
        return Set.copyOf(a.holidays()).equals(Set.copyOf(b.holidays()))
                && Set.copyOf(a.makeUpWorkdays()).equals(Set.copyOf(b.makeUpWorkdays()));
    }

    private static void validate(CalendarYear data) {
        Validation v = new Validation();
        v.check(StatutoryHolidays.inRange(data.year()), "year",
                "年份须在 " + StatutoryHolidays.FIRST_YEAR + " 到 " + StatutoryHolidays.LAST_YEAR + " 之间 (year out of range)");
        v.require(data.holidays(), "holidays");
        if (data.holidays() != null) {
            v.check(data.holidays().stream().allMatch(d -> d != null && d.getYear() == data.year()), "holidays",
                    "所有日期必须属于 " + data.year() + " 年 (every date must lie in the year)");
        }
        if (data.source() != null) {
            v.check(data.source().length() <= 200, "source", "不超过 200 字 (at most 200 characters)");
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
        long now = System.currentTimeMillis();
        YearData cached = years.get(year);
        if (cached != null && now - cached.loadedAt() < CACHE_MILLIS) {
            return cached;
        }
        CalendarYear data = find(year).orElseThrow(() -> ValidationException.of("calendar",
                year + " 年超出工作日历的范围（" + StatutoryHolidays.FIRST_YEAR + "–" + StatutoryHolidays.LAST_YEAR
                        + "），无法计算期限 (year out of the calendar's range)"));
        YearData loaded = new YearData(data.status(), Set.copyOf(data.holidays()), Set.copyOf(data.makeUpWorkdays()), now);
        years.put(year, loaded);
        return loaded;
    }

}
