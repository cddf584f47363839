package org.fengqiao.calendar;

/** A configured time limit such as {@code {amount: 30, unit: CALENDAR_DAYS}}. */
public record TimeLimit(int amount, DeadlineUnit unit) {

    public TimeLimit {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (unit == null) {
            unit = DeadlineUnit.CALENDAR_DAYS;
        }
    }

    public static TimeLimit calendarDays(int amount) {
        return new TimeLimit(amount, DeadlineUnit.CALENDAR_DAYS);
    }

    public String describe() {
        return switch (unit) {
            case CALENDAR_DAYS -> amount + " 日";
            case WORKING_DAYS -> amount + " 个工作日";
            case MONTHS -> amount + " 个月";
            case HOURS -> amount + " 小时";
        };
    }
}
