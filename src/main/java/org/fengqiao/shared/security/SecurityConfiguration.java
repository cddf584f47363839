package org.fengqiao.shared.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.fengqiao.shared.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two doors, one identity. {@code /api/**} and the engine's own REST API {@code /engine-rest/**}
 * require HTTP Basic against Camunda's users; the Camunda webapps keep their own login. Behind
 * Spring Security, Camunda's {@link ProcessEngineAuthenticationFilter} sets the authenticated user
 * and their groups as the engine's current authentication for every {@code /engine-rest} request,
 * so the engine's authorizations apply there exactly as in the Tasklist.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                    ObjectMapper mapper) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (e instanceof CamundaIdentityAuthenticationProvider.Throttled throttled) {
                long seconds = Math.max(1, (throttled.retryAfter.toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(response, mapper, Problems.of(429, "too-many-requests", "Too many requests",
                        "登录失败次数过多，请 " + seconds + " 秒后再试 (too many failed logins; retry in " + seconds + " s)"));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"fengqiao\"");
            Problems.write(response, mapper, Problems.unauthorized());
        };
        AccessDeniedHandler denied = (request, response, e) ->
                Problems.write(response, mapper, Problems.forbidden("无权执行该操作 (not allowed)"));
        // Path patterns on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's, and
        // the string overload (an MVC matcher) let real /engine-rest requests fall through to the
        // permit-all chain below; only MockMvc, which has no Jersey servlet, saw the 401.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/actuator/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // this provider alone, no parent manager: with the global one as parent, a failed
                // login was checked (and counted by the throttle) twice
                .authenticationManager(new org.springframework.security.authentication.ProviderManager(provider))
                .authorizeHttpRequests(a -> a
                        // probes for a load balancer or orchestrator carry no details
                        .requestMatchers(paths.matcher("/actuator/health/liveness"),
                                paths.matcher("/actuator/health/readiness")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new WebappSessionAuthentication(),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied));
        return http.build();
    }

    /** A URL the firewall rejects (encoded slashes, "..", control characters) is a 400 problem, not an HTML page. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ObjectMapper mapper) {
        java.util.List<String> known = java.util.List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
        return (request, response, e) -> {
            if (!known.contains(request.getMethod())) {
                // TRACE and the like: the firewall refuses the method, which is a 405 with Allow
                response.setHeader("Allow", String.join(", ", known));
                Problems.write(response, mapper, Problems.of(405, "method-not-allowed", "Method not allowed",
                        "不支持该请求方法 (method not allowed): " + request.getMethod()));
                return;
            }
            Problems.write(response, mapper, Problems.of(400, "malformed-request",
                    "Malformed request", "请求地址无效 (the request URL was rejected)"));
        };
    }

    /**
     * Runs after Spring Security (order -100), which has checked the password: the container-based
     * provider takes the authenticated principal from the request instead of checking it again.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(0);
        return registration;
    }

    /** Listener refusals through the engine's own doors become their problem, not a 500 (outside Spring Security). */
    @Bean
    FilterRegistrationBean<EngineDoorProblems> engineDoorProblems(ObjectMapper mapper) {
        FilterRegistrationBean<EngineDoorProblems> registration = new FilterRegistrationBean<>(new EngineDoorProblems(mapper));
        registration.setName("fengqiao-engine-door-problems");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(-110);
        return registration;
    }

    /** The webapps' login form under the same throttle as HTTP Basic. */
    @Bean
    FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle,
            org.springframework.beans.factory.ObjectProvider<CamundaIdentityAuthenticationProvider> provider,
            ObjectMapper mapper) {
        FilterRegistrationBean<WebappLoginThrottle> registration =
                new FilterRegistrationBean<>(new WebappLoginThrottle(throttle, provider, mapper));
        registration.setName("fengqiao-webapp-login-throttle");
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(-40);
        return registration;
    }

    /** After Spring Security (which knows the /engine-rest caller), before the engine's doors. */
    @Bean
    FilterRegistrationBean<EngineDoorGuard> engineDoorGuard(ObjectMapper mapper,
            org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.TaskService> tasks,
            org.fengqiao.shared.process.StepForms forms,
            org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.AuthorizationService> authorizations,
            @org.springframework.beans.factory.annotation.Value("${fengqiao.engine.max-body-bytes:4194304}") long maxBodyBytes) {
        FilterRegistrationBean<EngineDoorGuard> registration = new FilterRegistrationBean<>(
                new EngineDoorGuard(mapper, tasks, forms, authorizations, maxBodyBytes));
        registration.setName("fengqiao-engine-door-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(-50);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        // Camunda webapps (own session login and CSRF protection), OpenAPI, health.
        http.csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
