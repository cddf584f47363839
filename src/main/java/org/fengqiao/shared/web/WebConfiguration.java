package org.fengqiao.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Before everything else, Spring Security included. */
    @Bean
    FilterRegistrationBean<OddPathFilter> oddPathFilter(ObjectMapper mapper) {
        FilterRegistrationBean<OddPathFilter> registration = new FilterRegistrationBean<>(new OddPathFilter(mapper));
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper mapper,
            @Value("${fengqiao.api.max-body-bytes:16777216}") long maxBodyBytes) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, mapper, maxBodyBytes));
        registration.addUrlPatterns("/api/*");
        // after Spring Security's filter chain (order -100), so the caller is known
        registration.setOrder(0);
        return registration;
    }
}
