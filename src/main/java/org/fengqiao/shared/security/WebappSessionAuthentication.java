package org.fengqiao.shared.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Tasklist's embedded forms call {@code /api} as the user logged into the webapps: a
 * request without HTTP Basic that carries the webapps' session and the session's CSRF token in
 * {@code X-XSRF-TOKEN} (as the webapps send it with every call; another site cannot) is
 * authenticated as that user with their groups. Everything else about {@code /api} — scope, roles,
 * problems — is unchanged; {@code /engine-rest} never accepts the session.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") && request.getHeader("Authorization") == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            authenticate(request);
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String token = request.getHeader(CSRF_HEADER);
        if (session == null || token == null || token.isBlank()) {
            return;
        }
        Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        if (!(expected instanceof String s) || !java.security.MessageDigest.isEqual(
                s.getBytes(java.nio.charset.StandardCharsets.UTF_8), token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return;
        }
        for (UserAuthentication user : authentications.getAuthentications()) {
            List<SimpleGrantedAuthority> groups = (user.getGroupIds() == null ? List.<String>of() : List.copyOf(user.getGroupIds()))
                    .stream().map(SimpleGrantedAuthority::new).toList();
            var auth = UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            return;
        }
    }
}
