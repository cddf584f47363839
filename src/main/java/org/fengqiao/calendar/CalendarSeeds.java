package org.fengqiao.calendar;

import org.fengqiao.shared.StartupStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.shared.SeedFiles;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/** Loads {@code seeds/reference/calendar.yml} for every year the database does not know yet. */
@Component
@Order(5)
class CalendarSeeds implements StartupStep {

    record Block(LocalDate from, LocalDate to, String name) {
    }

    record YearSeed(int year, String source, List<Block> holidays, List<LocalDate> makeUpWorkdays) {
    }

    record SeedFile(List<YearSeed> years) {
    }

    private final WorkingCalendar calendar;
    private final SeedFiles seeds;

    CalendarSeeds(WorkingCalendar calendar, SeedFiles seeds) {
        this.calendar = calendar;
        this.seeds = seeds;
    }

    @Override
    public void run() {
        for (CalendarYear year : years(seeds.read("reference/calendar.yml", SeedFile.class))) {
            if (!calendar.hasYear(year.year())) {
                calendar.replace(year);
            }
        }
    }

    /** The seed file's years, each holiday block spelled out day by day. */
    static List<CalendarYear> years(SeedFile file) {
        List<CalendarYear> years = new ArrayList<>();
        for (YearSeed seed : file.years()) {
            List<LocalDate> holidays = new ArrayList<>();
            for (Block block : seed.holidays()) {
                for (LocalDate d = block.from(); !d.isAfter(block.to()); d = d.plusDays(1)) {
                    holidays.add(d);
                }
            }
            years.add(new CalendarYear(seed.year(), CalendarStatus.OFFICIAL, seed.source(), holidays, seed.makeUpWorkdays()));
        }
        return years;
    }
}
