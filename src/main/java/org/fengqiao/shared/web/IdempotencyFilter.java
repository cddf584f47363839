package org.fengqiao.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on any POST under {@code /api}: a repeat with the same key and body gets
 * the first response (status, body, Location) and creates nothing new; the same key with another
 * body is a {@code 409 idempotency-conflict}. Keys are scoped to the authenticated user. Runs after
 * Spring Security, so only authenticated requests reach it. Also caps request bodies.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final long WAIT_FOR_CONCURRENT_MILLIS = 15_000;

    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper, long maxBodyBytes) {
        this.store = store;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            Problems.write(response, mapper, tooLarge());
            return;
        }
        byte[] body = readLimited(request);
        if (body == null) {
            Problems.write(response, mapper, tooLarge());
            return;
        }
        HttpServletRequest cached = new CachedBodyRequest(request, body);
        String key = request.getHeader(HEADER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (key == null || !"POST".equals(request.getMethod()) || auth == null) {
            chain.doFilter(cached, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(response, mapper, Problems.of(400, "malformed-request", "Malformed request",
                    "Idempotency-Key 必须为 1 到 " + MAX_KEY_LENGTH + " 个字符 (Idempotency-Key must be 1.."
                            + MAX_KEY_LENGTH + " characters)"));
            return;
        }
        String user = auth.getName();
        String hash = hash(request.getRequestURI(), body);
        Optional<IdempotencyStore.Stored> existing = store.reserve(user, key, hash);
        if (existing.isPresent()) {
            replay(existing.get(), user, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(cached, wrapper);
            int status = wrapper.getStatus();
            if (status < 500) {
                store.complete(user, key, status, wrapper.getContentType(), wrapper.getHeader("Location"),
                        new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(user, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(IdempotencyStore.Stored first, String user, String key, String hash,
                        HttpServletResponse response) throws IOException {
        if (!first.requestHash().equals(hash)) {
            Problems.write(response, mapper, conflict());
            return;
        }
        IdempotencyStore.Stored done = first;
        long deadline = System.currentTimeMillis() + WAIT_FOR_CONCURRENT_MILLIS;
        while (!done.done() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<IdempotencyStore.Stored> again = store.find(user, key);
            if (again.isEmpty()) {
                // the first attempt failed and released the key: tell the client to retry
                break;
            }
            done = again.get();
        }
        if (!done.done()) {
            Problems.write(response, mapper, Problems.of(409, "idempotency-conflict", "Idempotency conflict",
                    "相同 Idempotency-Key 的请求仍在处理或已失败，请稍后重试 (a request with this key is still in progress)"));
            return;
        }
        response.setStatus(done.statusCode());
        if (done.contentType() != null) {
            response.setContentType(done.contentType());
        }
        if (done.location() != null) {
            response.setHeader("Location", done.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (done.body() != null) {
            byte[] bytes = done.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return bytes.length > maxBodyBytes ? null : bytes;
    }

    private static String hash(String uri, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(uri.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.springframework.http.ProblemDetail conflict() {
        return Problems.of(409, "idempotency-conflict", "Idempotency conflict",
                "该 Idempotency-Key 已用于内容不同的请求 (the key was used with a different request body)");
    }

    private org.springframework.http.ProblemDetail tooLarge() {
        return Problems.of(413, "payload-too-large", "Payload too large",
                "请求体超过 " + maxBodyBytes + " 字节 (request body too large)");
    }
}
