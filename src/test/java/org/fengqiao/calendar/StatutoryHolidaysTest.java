package org.fengqiao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The provisional calendar (issue 10): lunar dates and the 清明 solar term against dates known from
 * the State Council's notices and published almanacs, the close cases included (2027 and 2030: the
 * new moon falls minutes from Beijing midnight), and the weekend make-up rule of
 * 《全国年节及纪念日放假办法》.
 */
class StatutoryHolidaysTest {

    /** 正月初一 of many years (2027 and 2030 are the close cases ICU4J 79.1 gets a day wrong). */
    static final Map<Integer, LocalDate> SPRING_FESTIVAL = new TreeMap<>(Map.ofEntries(
            Map.entry(1950, LocalDate.of(1950, 2, 17)), Map.entry(1985, LocalDate.of(1985, 2, 20)),
            Map.entry(1990, LocalDate.of(1990, 1, 27)), Map.entry(2000, LocalDate.of(2000, 2, 5)),
            Map.entry(2004, LocalDate.of(2004, 1, 22)), Map.entry(2008, LocalDate.of(2008, 2, 7)),
            Map.entry(2010, LocalDate.of(2010, 2, 14)), Map.entry(2012, LocalDate.of(2012, 1, 23)),
            Map.entry(2014, LocalDate.of(2014, 1, 31)), Map.entry(2015, LocalDate.of(2015, 2, 19)),
            Map.entry(2016, LocalDate.of(2016, 2, 8)), Map.entry(2017, LocalDate.of(2017, 1, 28)),
            Map.entry(2018, LocalDate.of(2018, 2, 16)), Map.entry(2019, LocalDate.of(2019, 2, 5)),
            Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)), Map.entry(2031, LocalDate.of(2031, 1, 23)),
            Map.entry(2032, LocalDate.of(2032, 2, 11)), Map.entry(2033, LocalDate.of(2033, 1, 31)),
            Map.entry(2035, LocalDate.of(2035, 2, 8)), Map.entry(2038, LocalDate.of(2038, 2, 4)),
            Map.entry(2040, LocalDate.of(2040, 2, 12)), Map.entry(2050, LocalDate.of(2050, 1, 23))));

    /** 清明, 端午, 中秋 of the years whose notices this project has read (2019–2026). */
    static final Map<Integer, List<LocalDate>> FESTIVALS = new TreeMap<>(Map.of(
            2019, List.of(LocalDate.of(2019, 4, 5), LocalDate.of(2019, 6, 7), LocalDate.of(2019, 9, 13)),
            2020, List.of(LocalDate.of(2020, 4, 4), LocalDate.of(2020, 6, 25), LocalDate.of(2020, 10, 1)),
            2021, List.of(LocalDate.of(2021, 4, 4), LocalDate.of(2021, 6, 14), LocalDate.of(2021, 9, 21)),
            2022, List.of(LocalDate.of(2022, 4, 5), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 10)),
            2023, List.of(LocalDate.of(2023, 4, 5), LocalDate.of(2023, 6, 22), LocalDate.of(2023, 9, 29)),
            2024, List.of(LocalDate.of(2024, 4, 4), LocalDate.of(2024, 6, 10), LocalDate.of(2024, 9, 17)),
            2025, List.of(LocalDate.of(2025, 4, 4), LocalDate.of(2025, 5, 31), LocalDate.of(2025, 10, 6)),
            2026, List.of(LocalDate.of(2026, 4, 5), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 25))));

    @Test
    void springFestivalFallsOnTheKnownDayIncludingTheCloseCases() {
        List<String> wrong = new ArrayList<>();
        SPRING_FESTIVAL.forEach((year, expected) -> {
            LocalDate computed = holiday(year, "春节").days().get(StatutoryHolidays.RuleSet.of(year).springFrom == -1 ? 1 : 0);
            if (!computed.equals(expected)) {
                wrong.add(year + ": " + computed + " instead of " + expected);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void qingmingDragonBoatAndMidAutumnFallOnTheNoticesDays() {
        FESTIVALS.forEach((year, days) -> {
            assertThat(holiday(year, "清明节").days()).as(year + " 清明").containsExactly(days.get(0));
            assertThat(holiday(year, "端午节").days()).as(year + " 端午").containsExactly(days.get(1));
            assertThat(holiday(year, "中秋节").days()).as(year + " 中秋").containsExactly(days.get(2));
        });
    }

    @Test
    void everyYearInRangeHasPlausibleFestivals() {
        for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
            CalendarYear y = StatutoryHolidays.provisional(year);
            assertThat(y.status()).isEqualTo(CalendarStatus.PROVISIONAL);
            assertThat(y.makeUpWorkdays()).as("no 调休 working weekend is invented").isEmpty();
            assertThat(y.holidays()).allMatch(d -> d.getYear() == y.year());
            LocalDate newYear = StatutoryHolidays.holidays(year, StatutoryHolidays.RuleSet.REVISION_2024).stream()
                    .filter(h -> h.name().equals("春节")).findFirst().orElseThrow().days().get(1);
            assertThat(newYear).as(year + " 正月初一").isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
            LocalDate qingming = holiday(2025, year, "清明节");
            assertThat(qingming).as(year + " 清明").isBetween(LocalDate.of(year, 4, 4), LocalDate.of(year, 4, 6));
            LocalDate midAutumn = holiday(2025, year, "中秋节");
            assertThat(midAutumn).as(year + " 中秋").isBetween(LocalDate.of(year, 9, 7), LocalDate.of(year, 10, 8));
        }
    }

    @Test
    void springFestival2027IsNewYearsEveToTheThirdDayWithTheWeekendMadeUp() {
        CalendarYear y2027 = StatutoryHolidays.provisional(2027);
        // 除夕 Fri 5 Feb – 初三 Mon 8 Feb; Sat 6 and Sun 7 are made up on Tue 9 and Wed 10
        assertThat(y2027.holidays()).filteredOn(d -> d.getMonth() == Month.FEBRUARY)
                .containsExactly(day(2027, 2, 5), day(2027, 2, 6), day(2027, 2, 7), day(2027, 2, 8),
                        day(2027, 2, 9), day(2027, 2, 10));
        // 劳动节 Sat 1 – Sun 2 May → Mon 3, Tue 4; 国庆 Fri 1 – Sun 3 Oct → Mon 4, Tue 5
        assertThat(y2027.holidays()).filteredOn(d -> d.getMonth() == Month.MAY)
                .containsExactly(day(2027, 5, 1), day(2027, 5, 2), day(2027, 5, 3), day(2027, 5, 4));
        assertThat(y2027.holidays()).filteredOn(d -> d.getMonth() == Month.OCTOBER)
                .containsExactly(day(2027, 10, 1), day(2027, 10, 2), day(2027, 10, 3), day(2027, 10, 4), day(2027, 10, 5));
        assertThat(y2027.holidays()).contains(day(2027, 1, 1), day(2027, 4, 5), day(2027, 6, 9), day(2027, 9, 15));
        assertThat(y2027.holidays()).hasSize(1 + 6 + 1 + 4 + 1 + 1 + 5);
        assertThat(y2027.source()).contains("2024年修订");
    }

    @Test
    void springFestival2030StartsOnSaturdayNewYearsEve() {
        // 除夕 Sat 2 Feb – 初三 Tue 5 Feb; the weekend is made up on Wed 6 and Thu 7
        assertThat(StatutoryHolidays.provisional(2030).holidays()).filteredOn(d -> d.getMonth() == Month.FEBRUARY)
                .containsExactly(day(2030, 2, 2), day(2030, 2, 3), day(2030, 2, 4), day(2030, 2, 5),
                        day(2030, 2, 6), day(2030, 2, 7));
    }

    @Test
    void twoHolidaysOnOneDayClaimOneMoreDay() {
        // 2028: 中秋 falls on Tue 3 Oct inside 国庆 (Sun 1 – Tue 3): Sunday and the double day claim Wed 4 and Thu 5
        assertThat(holiday(2028, "中秋节").days()).containsExactly(day(2028, 10, 3));
        assertThat(StatutoryHolidays.provisional(2028).holidays()).filteredOn(d -> d.getMonth() == Month.OCTOBER)
                .containsExactly(day(2028, 10, 1), day(2028, 10, 2), day(2028, 10, 3), day(2028, 10, 4), day(2028, 10, 5));
    }

    @Test
    void earlierYearsFollowTheRevisionInForce() {
        // 2013 revision (2014–2024): 春节 初一–初三, 劳动节 May 1 only
        assertThat(holiday(2016, "春节").days()).containsExactly(day(2016, 2, 8), day(2016, 2, 9), day(2016, 2, 10));
        assertThat(holiday(2016, "劳动节").days()).containsExactly(day(2016, 5, 1));
        // 2007 revision (2008–2013): 春节 除夕–初二
        assertThat(holiday(2010, "春节").days()).containsExactly(day(2010, 2, 13), day(2010, 2, 14), day(2010, 2, 15));
        // 1999 revision: 劳动节 May 1–3, no 清明/端午/中秋
        assertThat(holiday(2005, "劳动节").days()).containsExactly(day(2005, 5, 1), day(2005, 5, 2), day(2005, 5, 3));
        assertThat(StatutoryHolidays.holidays(2005, StatutoryHolidays.RuleSet.of(2005)))
                .extracting(StatutoryHolidays.Holiday::name).doesNotContain("清明节", "端午节", "中秋节");
        assertThat(StatutoryHolidays.provisional(1960).source()).contains("1999年修订");
    }

    @Test
    void aWeekendHolidayIsMadeUpOnTheNextFreeWorkingDay() {
        for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
            CalendarYear y = StatutoryHolidays.provisional(year);
            long weekdaysOff = y.holidays().stream().filter(d -> d.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue()).count();
            long holidayInstances = StatutoryHolidays.holidays(year, StatutoryHolidays.RuleSet.of(year)).stream()
                    .mapToLong(h -> h.days().size()).sum();
            // every day of every holiday has a weekday off of its own
            assertThat(weekdaysOff).as(String.valueOf(year)).isEqualTo(holidayInstances);
        }
    }

    private static StatutoryHolidays.Holiday holiday(int year, String name) {
        return StatutoryHolidays.holidays(year, StatutoryHolidays.RuleSet.of(year)).stream()
                .filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static LocalDate holiday(int rulesYear, int year, String name) {
        return StatutoryHolidays.holidays(year, StatutoryHolidays.RuleSet.of(rulesYear)).stream()
                .filter(h -> h.name().equals(name)).findFirst().orElseThrow().days().get(0);
    }

    private static LocalDate day(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }
}
