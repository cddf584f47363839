package org.fengqiao.shared.security;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fengqiao.shared.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The webapps' own login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) under
 * the same throttle as HTTP Basic: a throttled attempt is a 429 with Retry-After before the password
 * is checked; a 401 counts as a failure, a success clears the record and upgrades an old hash.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

    private final LoginThrottle throttle;
    /** Looked up on first use: the filter is created with the web server, before the engine. */
    private final org.springframework.beans.factory.ObjectProvider<CamundaIdentityAuthenticationProvider> provider;
    private final ObjectMapper mapper;

    WebappLoginThrottle(LoginThrottle throttle,
                        org.springframework.beans.factory.ObjectProvider<CamundaIdentityAuthenticationProvider> provider,
                        ObjectMapper mapper) {
        this.throttle = throttle;
        this.provider = provider;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        String address = request.getRemoteAddr();
        Duration wait = user == null ? Duration.ZERO : throttle.waitFor(user, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(response, mapper, Problems.of(429, "too-many-requests", "Too many requests",
                    "登录失败次数过多，请 " + seconds + " 秒后再试 (too many failed logins; retry in " + seconds + " s)"));
            return;
        }
        chain.doFilter(request, response);
        if (user == null) {
            return;
        }
        if (response.getStatus() == 401) {
            throttle.failed(user, address, "webapp");
        } else if (response.getStatus() == 200) {
            throttle.succeeded(user, address);
            provider.getObject().upgradeIfOutdated(user, request.getParameter("password"));
        }
    }
}
