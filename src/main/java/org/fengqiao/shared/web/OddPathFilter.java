package org.fengqiao.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * First on every request: a method no resource serves (TRACE…) is a 405 with {@code Allow}; a path that is not in its plain form — doubled slashes, dot segments
 * (plain or encoded), path parameters, encoded slashes or backslashes — is a 400 problem before any
 * door sees it. Such paths reached the engine's Jersey servlet as {@code //engine-rest/…}, whose
 * context path no longer matched (a 500), and a path that means something else after normalising is
 * a way around path-based rules.
 */
class OddPathFilter extends OncePerRequestFilter {

    private static final java.util.List<String> KNOWN_METHODS = java.util.List.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    private final ObjectMapper mapper;

    OddPathFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static boolean odd(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT);
        return p.contains("//") || p.contains("/./") || p.contains("/../") || p.endsWith("/.") || p.endsWith("/..")
                || p.contains("%2e") || p.contains("%2f") || p.contains("%5c") || p.contains("\\") || p.contains(";")
                || p.contains("%25") || p.contains("%00");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!KNOWN_METHODS.contains(request.getMethod())) {
            // TRACE (and TRACK, CONNECT, made-up methods) are served nowhere
            response.setHeader("Allow", String.join(", ", KNOWN_METHODS));
            Problems.write(response, mapper, Problems.of(405, "method-not-allowed", "Method not allowed",
                    "不支持该请求方法 (method not allowed): " + request.getMethod()));
            return;
        }
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        if (odd(raw)) {
            Problems.write(response, mapper, Problems.of(400, "malformed-request", "Malformed request",
                    "请求地址无效 (the request path is not in its plain form)"));
            return;
        }
        chain.doFilter(request, response);
    }
}
