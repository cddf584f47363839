package org.fengqiao.shared.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the Camunda identity service: the users and groups a mediator logs into the
 * Tasklist with are the ones an integrator's request is checked against. Groups become authorities.
 * A successful check is remembered for 30 s (a salted digest, never the password), so a client
 * sending many requests does not cost two identity queries each; a wrong password is always checked.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /** A verified (user, password) pair is trusted for this long before the identity tables are asked again. */
    private static final long TRUST_MILLIS = 30_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(String passwordDigest, List<SimpleGrantedAuthority> authorities, long until) {
    }

    private final IdentityService identityService;
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        String digest = digest(user, credentials.toString());
        Verified known = verified.get(user);
        long now = System.currentTimeMillis();
        if (known != null && known.until() > now && known.passwordDigest().equals(digest)) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, known.authorities());
        }
        if (!identityService.checkPassword(user, credentials.toString())) {
            verified.remove(user);
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list()
                .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        if (verified.size() > MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(user, new Verified(digest, authorities, now + TRUST_MILLIS));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /** Salted per process so the cache never holds a password or a reusable hash of it. */
    private static final byte[] SALT = java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static String digest(String user, String password) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(SALT);
            md.update(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
