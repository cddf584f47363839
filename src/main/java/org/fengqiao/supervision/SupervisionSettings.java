package org.fengqiao.supervision;

import org.fengqiao.calendar.TimeLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fengqiao.supervision}: how long a 督办 may stay unanswered before it escalates to the
 * next level, and how often the escalation job runs.
 */
@ConfigurationProperties("fengqiao.supervision")
public record SupervisionSettings(TimeLimit responseLimit, long escalationInterval) {
}
