package org.fengqiao.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The provisional calendar of a year that has no State Council notice yet, computed from the
 * statutory rules of 《全国年节及纪念日放假办法》 in force that year:
 * <ul>
 *   <li>2025 on (2024 revision): 元旦 Jan 1; 春节 除夕–正月初三; 清明 the day of the solar term;
 *       劳动节 May 1–2; 端午 五月初五; 中秋 八月十五; 国庆 Oct 1–3;</li>
 *   <li>2014–2024 (2013 revision): 春节 初一–初三; 劳动节 May 1;</li>
 *   <li>2008–2013 (2007 revision): 春节 除夕–初二; 劳动节 May 1;</li>
 *   <li>before 2008 (1999 revision): 春节 初一–初三; 劳动节 May 1–3; no 清明, 端午, 中秋.</li>
 * </ul>
 * A holiday on a Saturday or Sunday is made up (补假): walking forward from the end of its block,
 * each such day claims the next day that is not a weekend day, not a holiday and not yet claimed; a
 * day on which two holidays fall counts twice and claims one more. The claimed days are days off.
 * No 调休 working weekends are invented: those are the notice's to set.
 */
public final class StatutoryHolidays {

    public static final int FIRST_YEAR = 1950;
    public static final int LAST_YEAR = 2100;

    /** The rule set of one revision of the measures. */
    enum RuleSet {
        REVISION_2024(2025, "《全国年节及纪念日放假办法》（2024年修订）", -1, 2, 2, true),
        REVISION_2013(2014, "《全国年节及纪念日放假办法》（2013年修订）", 0, 2, 1, true),
        REVISION_2007(2008, "《全国年节及纪念日放假办法》（2007年修订）", -1, 1, 1, true),
        REVISION_1999(Integer.MIN_VALUE, "《全国年节及纪念日放假办法》（1999年修订）", 0, 2, 3, false);

        final int since;
        final String title;
        /** First and last day of the Spring Festival block, in days from 正月初一 (-1 = 除夕). */
        final int springFrom;
        final int springTo;
        final int labourDays;
        final boolean traditionalFestivals;

        RuleSet(int since, String title, int springFrom, int springTo, int labourDays, boolean traditionalFestivals) {
            this.since = since;
            this.title = title;
            this.springFrom = springFrom;
            this.springTo = springTo;
            this.labourDays = labourDays;
            this.traditionalFestivals = traditionalFestivals;
        }

        static RuleSet of(int year) {
            for (RuleSet rules : values()) {
                if (year >= rules.since) {
                    return rules;
                }
            }
            throw new IllegalStateException("no rule set for " + year);
        }
    }

    /** One holiday of the measures: its days in order (a day may belong to two holidays). */
    record Holiday(String name, List<LocalDate> days) {

        static Holiday of(String name, LocalDate from, int length) {
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                days.add(from.plusDays(i));
            }
            return new Holiday(name, days);
        }

        LocalDate last() {
            return days.get(days.size() - 1);
        }
    }

    private StatutoryHolidays() {
    }

    public static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The provisional calendar of {@code year} (1950–2100). */
    public static CalendarYear provisional(int year) {
        if (!inRange(year)) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        RuleSet rules = RuleSet.of(year);
        List<Holiday> holidays = holidays(year, rules);
        return new CalendarYear(year, CalendarStatus.PROVISIONAL,
                "暂定：依" + rules.title + "推算（尚未录入国务院办公厅当年节假日安排通知）",
                List.copyOf(daysOff(holidays)), List.of());
    }

    /** The holidays of the measures in {@code year}, in the order of their last day. */
    static List<Holiday> holidays(int year, RuleSet rules) {
        List<Holiday> list = new ArrayList<>();
        list.add(Holiday.of("元旦", LocalDate.of(year, 1, 1), 1));
        LocalDate newYear = solar(Lunar.fromYmd(year, 1, 1).getSolar());
        list.add(Holiday.of("春节", newYear.plusDays(rules.springFrom), rules.springTo - rules.springFrom + 1));
        if (rules.traditionalFestivals) {
            list.add(Holiday.of("清明节", solar(Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明")), 1));
            list.add(Holiday.of("端午节", solar(Lunar.fromYmd(year, 5, 5).getSolar()), 1));
            list.add(Holiday.of("中秋节", solar(Lunar.fromYmd(year, 8, 15).getSolar()), 1));
        }
        list.add(Holiday.of("劳动节", LocalDate.of(year, 5, 1), rules.labourDays));
        list.add(Holiday.of("国庆节", LocalDate.of(year, 10, 1), 3));
        list.sort(Comparator.comparing(Holiday::last));
        return list;
    }

    /** Every holiday day and every make-up day it claims. */
    static Set<LocalDate> daysOff(List<Holiday> holidays) {
        Set<LocalDate> holidayDays = new HashSet<>();
        holidays.forEach(h -> holidayDays.addAll(h.days()));
        Set<LocalDate> taken = new HashSet<>();
        Set<LocalDate> claimed = new TreeSet<>();
        for (Holiday holiday : holidays) {
            int owed = 0;
            for (LocalDate day : holiday.days()) {
                // a day has room for one holiday, and only when it is not a weekend day
                if (isWeekend(day) || !taken.add(day)) {
                    owed++;
                }
            }
            LocalDate candidate = holiday.last();
            while (owed > 0) {
                candidate = candidate.plusDays(1);
                if (!isWeekend(candidate) && !holidayDays.contains(candidate) && claimed.add(candidate)) {
                    owed--;
                }
            }
        }
        Set<LocalDate> all = new TreeSet<>(holidayDays);
        all.addAll(claimed);
        return all;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate solar(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
