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
import org.fengqiao.support.TestClock;
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
    void aYearWithoutANoticeIsProvisionalAndOnlyYearsOutOfRangeAreRefused() {
        assertThat(calendar.due(LocalDate.of(2031, 3, 2), 5, DeadlineUnit.WORKING_DAYS))
                .isEqualTo(new WorkingCalendar.Due(LocalDate.of(2031, 3, 7), true));
        assertThat(calendar.due(LocalDate.of(2026, 3, 2), 5, DeadlineUnit.WORKING_DAYS).provisional()).isFalse();
        // a deadline crossing into a year without a notice rests on it
        assertThat(calendar.due(LocalDate.of(2026, 12, 20), 30, DeadlineUnit.CALENDAR_DAYS))
                .isEqualTo(new WorkingCalendar.Due(LocalDate.of(2027, 1, 19), true));
        assertThatThrownBy(() -> calendar.dueDate(LocalDate.of(2100, 12, 20), 30, DeadlineUnit.CALENDAR_DAYS))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void monthsEndOnTheCorrespondingDayOrTheLastDayOfTheMonth() {
        // 民法典 §202: no 31 February, so the last day of February; 2026-02-28 is a 调休 working Saturday
        assertThat(calendar.dueDate(LocalDate.of(2026, 1, 31), 1, DeadlineUnit.MONTHS)).isEqualTo(LocalDate.of(2026, 2, 28));
        // 2026-09-05 + 1 month = Monday 2026-10-05, inside National Day: the next working day is Thursday 2026-10-08
        assertThat(calendar.dueDate(LocalDate.of(2026, 9, 5), 1, DeadlineUnit.MONTHS)).isEqualTo(LocalDate.of(2026, 10, 8));
        // 2026-03-15 + 1 month = Wednesday 2026-04-15
        assertThat(calendar.dueDate(LocalDate.of(2026, 3, 15), 1, DeadlineUnit.MONTHS)).isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void dueDateEndpointFollowsTheContract() throws Exception {
        mvc.perform(get("/api/calendar/due-date?from=2026-03-02&amount=5&unit=WORKING_DAYS").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-03-09"))
                .andExpect(jsonPath("$.unit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.provisional").value(false));
        // never 422 for a year in range: 2040 has no notice, so the answer is provisional
        mvc.perform(get("/api/calendar/due-date?from=2040-03-02&amount=5&unit=WORKING_DAYS").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2040-03-09"))
                .andExpect(jsonPath("$.provisional").value(true));
        mvc.perform(get("/api/calendar/due-date?from=2026-01-31&amount=1&unit=MONTHS").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value("2026-02-28"))
                .andExpect(jsonPath("$.provisional").value(false));
        mvc.perform(get("/api/calendar/due-date?from=bad&amount=5").with(httpBasic("clerk", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        mvc.perform(get("/api/calendar/2026").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OFFICIAL"))
                .andExpect(jsonPath("$.source").value(org.hamcrest.Matchers.containsString("2026")))
                .andExpect(jsonPath("$.makeUpWorkdays[0]").value("2026-01-04"));
    }

    @Test
    void year2030IsProvisionalWithItsSpringFestivalBlock() throws Exception {
        mvc.perform(get("/api/calendar/2030").with(httpBasic("clerk", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2030))
                .andExpect(jsonPath("$.status").value("PROVISIONAL"))
                .andExpect(jsonPath("$.source").value(org.hamcrest.Matchers.containsString("全国年节及纪念日放假办法")))
                .andExpect(jsonPath("$.makeUpWorkdays").isEmpty())
                .andExpect(jsonPath("$.holidays").value(org.hamcrest.Matchers.hasItems("2030-02-02", "2030-02-03",
                        "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07")))
                .andExpect(jsonPath("$.holidays").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("2030-02-08"))));
        mvc.perform(get("/api/calendar/2101").with(httpBasic("clerk", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void enteringANoticeMakesTheYearOfficial() throws Exception {
        mvc.perform(get("/api/calendar/2098").with(httpBasic("clerk", "demo")))
                .andExpect(jsonPath("$.status").value("PROVISIONAL"));
        String body = "{\"source\":\"国办发明电〔2097〕1号\",\"holidays\":[\"2098-01-01\",\"2098-01-02\"],\"makeUpWorkdays\":[\"2098-01-04\"]}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/calendar/2098")
                        .contentType("application/json").content(body).with(httpBasic("clerk", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/calendar/2098")
                        .contentType("application/json").content(body).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OFFICIAL"))
                .andExpect(jsonPath("$.source").value("国办发明电〔2097〕1号"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2098, 1, 4))).as("a 调休 Saturday").isTrue();
        assertThat(calendar.due(LocalDate.of(2098, 3, 2), 1, DeadlineUnit.WORKING_DAYS).provisional()).isFalse();
    }

    /** Issue 10 item 5: from November 1 operators see that next year is still provisional; the node stays UP. */
    @Test
    void healthWarnsFromNovemberWhileNextYearIsProvisional() throws Exception {
        TestClock.travelTo(java.time.OffsetDateTime.parse("2040-10-31T10:00:00+08:00").toInstant());
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.components.calendar.status").value("UP"))
                .andExpect(jsonPath("$.components.calendar.details.nextYear").value(2041))
                .andExpect(jsonPath("$.components.calendar.details.status").value("PROVISIONAL"))
                .andExpect(jsonPath("$.components.calendar.details.warning").doesNotExist());
        mvc.perform(get("/actuator/metrics/fengqiao.calendar.next_year.provisional").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.measurements[0].value").value(0.0));
        TestClock.travelTo(java.time.OffsetDateTime.parse("2040-11-01T08:00:00+08:00").toInstant());
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.components.calendar.status").value("UP"))
                .andExpect(jsonPath("$.components.calendar.details.warning").value(org.hamcrest.Matchers.containsString("2041")));
        mvc.perform(get("/actuator/metrics/fengqiao.calendar.next_year.provisional").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.measurements[0].value").value(1.0));
        // 2026 is entered: on 2025-11-01 nothing to warn about
        TestClock.travelTo(java.time.OffsetDateTime.parse("2025-11-01T08:00:00+08:00").toInstant());
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.components.calendar.details.status").value("OFFICIAL"))
                .andExpect(jsonPath("$.components.calendar.details.warning").doesNotExist());
    }
}
