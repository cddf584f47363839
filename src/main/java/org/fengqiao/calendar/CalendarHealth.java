package org.fengqiao.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Warns operators in time that next year's holiday notice has not been entered: from November 1
 * the {@code calendar} health detail carries a warning while next year is still PROVISIONAL, and
 * the gauge {@code fengqiao.calendar.next_year.provisional} is 1. The node stays {@code UP}: a
 * provisional year is a reason to enter the notice, not to take every node out of a load balancer.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {

    static final MonthDay WARN_FROM = MonthDay.of(11, 1);

    private final WorkingCalendar calendar;

    CalendarHealth(WorkingCalendar calendar, MeterRegistry registry) {
        this.calendar = calendar;
        Gauge.builder("fengqiao.calendar.next_year.provisional", this, h -> h.nextYearMissing() ? 1 : 0)
                .description("1 from November 1 while next year's holiday notice is not entered (its calendar is provisional)")
                .register(registry);
    }

    /** From November 1, whether next year is still provisional. */
    boolean nextYearMissing() {
        LocalDate today = calendar.today();
        return warnsOn(today) && !calendar.hasYear(today.getYear() + 1);
    }

    private static boolean warnsOn(LocalDate today) {
        return !MonthDay.from(today).isBefore(WARN_FROM);
    }

    @Override
    public Health health() {
        LocalDate today = calendar.today();
        int next = today.getYear() + 1;
        boolean nextEntered = calendar.hasYear(next);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", today.getYear());
        details.put("yearStatus", calendar.hasYear(today.getYear()) ? CalendarStatus.OFFICIAL : CalendarStatus.PROVISIONAL);
        details.put("nextYear", next);
        details.put("status", nextEntered ? CalendarStatus.OFFICIAL : CalendarStatus.PROVISIONAL);
        if (warnsOn(today) && !nextEntered) {
            details.put("warning", next + " 年节假日安排通知尚未录入，期限按《全国年节及纪念日放假办法》暂定计算；"
                    + "通知公布后请由管理员通过 PUT /api/calendar/" + next + " 录入 (next year's notice is not entered yet)");
        }
        return Health.up().withDetails(details).build();
    }
}
