package org.fengqiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.fengqiao.reporting.MediationStatistics.Range;
import org.junit.jupiter.api.Test;

/** How a report period is cut into day rows and month rows of the read model. */
class MediationStatisticsRangesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static ReportPeriod period(String from, String to) {
        return ReportPeriod.of(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), ZONE);
    }

    static Range range(String grain, String from, String until) {
        return new Range(grain, LocalDate.parse(from), LocalDate.parse(until));
    }

    @Test
    void wholeMonthsComeFromMonthRowsAndTheEdgesFromDayRows() {
        assertThat(MediationStatistics.ranges(period("2020-01-15", "2020-03-10"))).containsExactly(
                range("D", "2020-01-15", "2020-02-01"), range("M", "2020-02-01", "2020-03-01"),
                range("D", "2020-03-01", "2020-03-11"));
        assertThat(MediationStatistics.ranges(period("2020-01-01", "2020-12-31")))
                .containsExactly(range("M", "2020-01-01", "2021-01-01"));
        assertThat(MediationStatistics.ranges(period("2020-02-01", "2020-02-29")))
                .containsExactly(range("M", "2020-02-01", "2020-03-01"));
    }

    @Test
    void aPeriodWithinOneMonthOrAcrossOneBoundaryReadsDaysOnly() {
        assertThat(MediationStatistics.ranges(period("2020-03-05", "2020-03-05")))
                .containsExactly(range("D", "2020-03-05", "2020-03-06"));
        assertThat(MediationStatistics.ranges(period("2020-03-20", "2020-04-10")))
                .containsExactly(range("D", "2020-03-20", "2020-04-11"));
        assertThat(MediationStatistics.ranges(period("2020-03-01", "2020-03-30")))
                .containsExactly(range("D", "2020-03-01", "2020-03-31"));
    }

    @Test
    void openEndsReachTheFirstAndLastMonthsAnyRecordCanHave() {
        assertThat(MediationStatistics.ranges(ReportPeriod.allTime())).containsExactly(
                range("M", "1900-01-01", "9999-01-01"));
        assertThat(MediationStatistics.ranges(period("2021-01-02", null))).containsExactly(
                range("D", "2021-01-02", "2021-02-01"), range("M", "2021-02-01", "9999-01-01"));
        assertThat(MediationStatistics.ranges(period(null, "2020-06-15"))).containsExactly(
                range("M", "1900-01-01", "2020-06-01"), range("D", "2020-06-01", "2020-06-16"));
    }
}
