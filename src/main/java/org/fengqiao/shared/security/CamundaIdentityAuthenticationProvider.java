package org.fengqiao.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the Camunda identity service: the users and groups a mediator logs into the
 * Tasklist with are the ones an integrator's request is checked against. Groups become authorities.
 * <p>
 * Passwords are bcrypt hashes ({@link BcryptPasswords}), far too slow to check on every request: a
 * verified (user, password) pair is remembered for {@link #TRUST} under the SHA-256 of user and
 * password (never the password), together with the stored hash it was checked against, so the
 * entry is dropped as soon as the password changes. Repeated failures are throttled per user and
 * client address ({@link LoginThrottle}); a throttled attempt is answered 429 with Retry-After,
 * without checking the password. A successful login with an old SHA-512 hash stores a bcrypt one.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);
    static final Duration TRUST = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    /** Spring Security's way to tell the entry point the attempt was throttled. */
    static final class Throttled extends AuthenticationException {
        final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("登录失败次数过多，请稍后再试 (too many failed logins; retry later)");
            this.retryAfter = retryAfter;
        }
    }

    private record Verified(String user, String storedHash, List<SimpleGrantedAuthority> authorities, long until) {
    }

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        Duration wait = throttle.waitFor(user, address);
        if (!wait.isZero()) {
            throw new Throttled(wait);
        }
        String password = credentials.toString();
        String key = digest(user, password);
        long now = System.currentTimeMillis();
        Verified known = verified.get(key);
        User stored = identityService.createUserQuery().userId(user).singleResult();
        String storedHash = stored == null ? null : hashOf(stored);
        if (known != null && known.until() > now && known.user().equals(user) && storedHash != null
                && storedHash.equals(known.storedHash())) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, known.authorities());
        }
        verified.remove(key);
        if (stored == null || !identityService.checkPassword(user, password)) {
            throttle.failed(user, address, "http-basic");
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        throttle.succeeded(user, address);
        if (BcryptPasswords.outdated(storedHash)) {
            storedHash = upgrade(stored, password);
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list()
                .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        if (verified.size() > MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, new Verified(user, storedHash, authorities, now + TRUST.toMillis()));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /** After a successful login elsewhere (the webapps' form): stores a bcrypt hash if the stored one is older. */
    void upgradeIfOutdated(String userId, String password) {
        if (password == null) {
            return;
        }
        User stored = identityService.createUserQuery().userId(userId).singleResult();
        if (stored != null && BcryptPasswords.outdated(hashOf(stored))) {
            upgrade(stored, password);
        }
    }

    /** Stores a bcrypt hash of the password just verified against an old SHA-512 one; returns the new hash. */
    private String upgrade(User user, String password) {
        try {
            user.setPassword(password);
            identityService.saveUser(user);
            User reloaded = identityService.createUserQuery().userId(user.getId()).singleResult();
            log.info("Password hash of '{}' upgraded to bcrypt", user.getId());
            return reloaded == null ? null : hashOf(reloaded);
        } catch (RuntimeException e) {
            // e.g. the password no longer meets a stricter policy: the login still counts
            log.warn("Password hash of '{}' could not be upgraded: {}", user.getId(), e.getMessage());
            return hashOf(user);
        }
    }

    private static String hashOf(User user) {
        return user instanceof org.camunda.bpm.engine.impl.persistence.entity.UserEntity entity ? entity.getPassword() : null;
    }

    /** SHA-256 of user and password: the cache never holds the password. */
    static String digest(String user, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(user.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
