package org.fengqiao.calendar.web;

import java.time.LocalDate;
import java.util.List;

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
@Tag(name = "Calendar", description = "工作日历：法定节假日与调休，期限计算")
class CalendarController {

    record YearBody(List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
    }

    record DueDate(LocalDate from, int amount, DeadlineUnit unit, LocalDate dueDate) {
    }

    private final WorkingCalendar calendar;
    private final CurrentCaller caller;

    CalendarController(WorkingCalendar calendar, CurrentCaller caller) {
        this.calendar = calendar;
        this.caller = caller;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Statutory holidays and 调休 make-up working days of one year")
    CalendarYear year(@PathVariable int year) {
        return calendar.find(year).orElseThrow(() -> new NotFoundException("日历年份 (calendar year)", year));
    }

    @PutMapping("/{year}")
    @Operation(summary = "Replace one year's calendar (admin only)")
    CalendarYear replace(@PathVariable int year, @RequestBody YearBody body) {
        if (!caller.get().isAdmin()) {
            throw new ForbiddenException("只有系统管理员可以维护工作日历 (admin only)");
        }
        return calendar.replace(new CalendarYear(year, body.holidays(),
                body.makeUpWorkdays() == null ? List.of() : body.makeUpWorkdays()));
    }

    @GetMapping("/due-date")
    @Operation(summary = "Deadline arithmetic: the start day is not counted; a calendar-day deadline on a rest day "
            + "moves to the next working day; a year without calendar data gives 422")
    DueDate dueDate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam int amount,
                    @RequestParam(defaultValue = "CALENDAR_DAYS") DeadlineUnit unit) {
        return new DueDate(from, amount, unit, calendar.dueDate(from, amount, unit));
    }
}
