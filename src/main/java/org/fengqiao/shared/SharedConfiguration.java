package org.fengqiao.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /**
     * The application clock. {@code fengqiao.clock.start} (ISO date-time with offset, e.g.
     * {@code 2027-12-28T09:00:00+08:00}) anchors the engine clock there at start-up: a training or
     * demo instance, or a test that starts the application in another JVM, runs on that time line.
     */
    @Bean
    Clock clock(@Value("${fengqiao.zone:Asia/Shanghai}") String zone,
                @Value("${fengqiao.clock.start:}") String start) {
        if (!start.isBlank()) {
            Instant anchor = OffsetDateTime.parse(start.strip()).toInstant();
            EngineClock.anchor(anchor);
            LoggerFactory.getLogger(EngineClock.class).warn("Engine clock anchored at {} (fengqiao.clock.start)", anchor);
        }
        return new EngineClock(ZoneId.of(zone));
    }
}
