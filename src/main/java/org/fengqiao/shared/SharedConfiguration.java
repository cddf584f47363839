package org.fengqiao.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    Clock clock(@Value("${fengqiao.zone:Asia/Shanghai}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
