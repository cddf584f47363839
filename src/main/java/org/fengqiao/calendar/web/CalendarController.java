package org.fengqiao.calendar.web;

import java.time.LocalDate;
import java.util.List;

import org.fengqiao.calendar.CalendarStatus;
import org.fengqiao.calendar.CalendarYear;
import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Calendar", description = "工作日历：法定节假日与调休（已公布的通知为 OFFICIAL，未公布的年份按《全国年节及纪念日放假办法》暂定为 PROVISIONAL），期限计算")
class CalendarController {

    /** {@code source}: the notice, e.g. 国办发明电〔2024〕12号; optional. */
    record YearBody(String source, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
    }

    record DueDate(LocalDate from, int amount, DeadlineUnit unit, LocalDate dueDate, boolean provisional) {
    }

    private final WorkingCalendar calendar;
    private final CurrentCaller caller;

    CalendarController(WorkingCalendar calendar, CurrentCaller caller) {
        this.calendar = calendar;
        this.caller = caller;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Rest days and 调休 make-up working days of one year (1950–2100): OFFICIAL where the "
            + "State Council's notice was entered, else PROVISIONAL from the statutory rules")
    CalendarYear year(@PathVariable int year) {
        return calendar.find(year).orElseThrow(() -> new NotFoundException("日历年份 (calendar year)", year));
    }

    @PutMapping("/{year}")
    @Operation(summary = "Enter one year's notice (admin only): the year becomes OFFICIAL and every open deadline "
            + "depending on it is recomputed, its timers moved and its history noted")
    CalendarYear replace(@PathVariable int year, @RequestBody YearBody body) {
        if (!caller.get().isAdmin()) {
            throw new ForbiddenException("只有系统管理员可以维护工作日历 (admin only)");
        }
        return calendar.replace(new CalendarYear(year, CalendarStatus.OFFICIAL, body.source(), body.holidays(),
                body.makeUpWorkdays() == null ? List.of() : body.makeUpWorkdays()));
    }

    @GetMapping("/due-date")
    @Operation(summary = "Deadline arithmetic: the start day is not counted; months end on the corresponding day "
            + "(民法典 §200–§203); a calendar-day or month deadline on a rest day moves to the next working day; "
            + "provisional = a counted day lies in a PROVISIONAL year")
    DueDate dueDate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam int amount,
                    @RequestParam(defaultValue = "CALENDAR_DAYS") DeadlineUnit unit) {
        WorkingCalendar.Due due = calendar.due(from, amount, unit);
        return new DueDate(from, amount, unit, due.dueDate(), due.provisional());
    }
}
