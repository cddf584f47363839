package org.fengqiao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.fengqiao.shared.ValidationException;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FengqiaoTest
class WorkingCalendarTest {

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    MockMvc mvc;

    @Test
    void calendarDaysDoNotCountTheStartDayAndRollPastHolidays() {
        // 2026-09-16 + 15 days = 2026-10-01, National Day: next working day is Thursday 2026-10-08
        assertThat(calendar.dueDate(LocalDate.of(2026, 9, 16), 15, DeadlineUnit.CALENDAR_DAYS))
                .isEqualTo(LocalDate.of(2026, 10, 8));
        // an ordinary day stays where it is
        assertThat(calendar.dueDate(LocalDate.of(2026, 3, 2), 3, DeadlineUnit.CALENDAR_DAYS))
                .isEqualTo(LocalDate.of(2026, 3, 5));
        // a Saturday deadline moves to Monday
        assertThat(calendar.dueDate(LocalDate.of(2026, 3, 2), 5, DeadlineUnit.CALENDAR_DAYS))
                .isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysButCountMakeUpDays() {
        // Friday 2026-02-13 + 1 working day: Saturday 14 Feb is a 调休 working day
        assertThat(calendar.dueDate(LocalDate.of(2026, 2, 13), 1, DeadlineUnit.WORKING_DAYS))
                .isEqualTo(LocalDate.of(2026, 2, 14));
        // Saturday 14 Feb + 1 working day: the Spring Festival runs to 23 Feb
        assertThat(calendar.dueDate(LocalDate.of(2026, 2, 14), 1, DeadlineUnit.WORKING_DAYS))
                .isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.dueDate(LocalDate.of(2026, 3, 2), 5, DeadlineUnit.WORKING_DAYS))
                .isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void aYearWithoutDataIsRefused() {
        assertThatThrownBy(() -> calendar.dueDate(LocalDate.of(2031, 3, 2), 5, DeadlineUnit.WORKING_DAYS))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void dueDateEndpointFollowsTheContract() throws Exception {
        mvc.perform(get("/api/calendar/due-date?from=2026-03-02&amount=5&unit=WORKING_DAYS").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-03-09"))
                .andExpect(jsonPath("$.unit").value("WORKING_DAYS"));
        mvc.perform(get("/api/calendar/due-date?from=2040-03-02&amount=5&unit=WORKING_DAYS").with(httpBasic("clerk", "demo")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
        mvc.perform(get("/api/calendar/due-date?from=bad&amount=5").with(httpBasic("clerk", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        mvc.perform(get("/api/calendar/2026").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.makeUpWorkdays[0]").value("2026-01-04"));
    }
}
