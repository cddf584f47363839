package org.fengqiao.appeal;

import java.util.Map;

import org.fengqiao.calendar.TimeLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations of the appeal lifecycle from {@code fengqiao.appeal} in application.yml; the working-day
 * calendar turns each into a due date.
 *
 * @param timeLimits   handling limit per type and urgency (P7 东至 1/7/20 days, P10 12345 2h/24h/7d/15d)
 * @param noticeAfter  督办通知 this long after the due date if the appeal is still not answered (P10)
 * @param maxExtensionDays 延期 at most this many days (S12 第34条 analogue: +≤30 days)
 */
@ConfigurationProperties("fengqiao.appeal")
public record AppealSettings(Map<AppealType, Map<Urgency, TimeLimit>> timeLimits, TimeLimit noticeAfter,
                             int maxExtensionDays, String ticketPrefix) {

    public TimeLimit limit(AppealType type, Urgency urgency) {
        Map<Urgency, TimeLimit> byUrgency = timeLimits == null ? null : timeLimits.get(type);
        TimeLimit limit = byUrgency == null ? null : byUrgency.get(urgency);
        if (limit == null) {
            throw new IllegalStateException("fengqiao.appeal.time-limits has no entry for " + type + "/" + urgency);
        }
        return limit;
    }
}
