package org.fengqiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Logins: a few typos never lock anyone out (Camunda's own lockout is off), repeated failures are
 * throttled with a temporary delay (429 with Retry-After), an admin unlocks, failures are counted;
 * passwords are bcrypt hashes, old SHA-512 hashes are upgraded on the next login, and a changed
 * password is not served from the credentials cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class LoginThrottleTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired IdentityService identityService;
    @Autowired MeterRegistry meters;
    @Autowired JdbcTemplate jdbc;

    private ResponseEntity<String> get(String user, String password) {
        return rest.withBasicAuth(user, password).getForEntity("/engine-rest/task", String.class);
    }

    private void newUser(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            identityService.deleteUser(id);
        }
        User user = identityService.newUser(id);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private String storedHash(String id) {
        return ((UserEntity) identityService.createUserQuery().userId(id).singleResult()).getPassword();
    }

    private double failures() {
        return meters.find("fengqiao.login.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    @DisplayName("5 typos cost nothing; then a temporary delay (429 + Retry-After); an admin unlocks; failures counted")
    void throttledNotLocked() throws Exception {
        newUser("login-typo", "Correct-horse-1");
        double before = failures();
        for (int i = 1; i <= 5; i++) {
            assertThat(get("login-typo", "wrong-" + i).getStatusCode().value()).as("failure " + i).isEqualTo(401);
        }
        // Camunda's own lockout would refuse the right password now; ours lets it through
        assertThat(get("login-typo", "Correct-horse-1").getStatusCode().value()).isEqualTo(200);
        for (int i = 1; i <= 6; i++) {
            assertThat(get("login-typo", "wrong-" + i).getStatusCode().value()).as("failure " + i).isEqualTo(401);
        }
        ResponseEntity<String> throttled = get("login-typo", "Correct-horse-1");
        assertThat(throttled.getStatusCode().value()).as(throttled.getBody()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeaders().getFirst("Retry-After"))).isBetween(1L, 900L);
        assertThat(mapper.readTree(throttled.getBody()).path("status").asInt()).isEqualTo(429);
        assertThat(failures() - before).isGreaterThanOrEqualTo(11);

        ResponseEntity<String> notAdmin = rest.withBasicAuth("mediator1", "demo").exchange(
                "/api/admin/users/login-typo/unlock", HttpMethod.POST, HttpEntity.EMPTY, String.class);
        assertThat(notAdmin.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> unlocked = rest.withBasicAuth("admin", "demo").exchange(
                "/api/admin/users/login-typo/unlock", HttpMethod.POST, HttpEntity.EMPTY, String.class);
        assertThat(unlocked.getStatusCode().value()).as(unlocked.getBody()).isEqualTo(204);
        assertThat(get("login-typo", "Correct-horse-1").getStatusCode().value()).isEqualTo(200);
        // the throttle is per user: everyone else logs in as before
        assertThat(get("mediator1", "demo").getStatusCode().value()).isEqualTo(200);
    }

    /** The webapps' login form, with the XSRF token Camunda's CSRF filter wants. */
    private ResponseEntity<String> webappLogin(String user, String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        java.util.List<String> cookies = page.getHeaders().getOrEmpty("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).toList();
        assertThat(cookies).as("cookies of the Tasklist page").anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .ifPresent(c -> headers.set("X-XSRF-TOKEN", c.substring("XSRF-TOKEN=".length())));
        headers.set("Cookie", String.join("; ", cookies));
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.exchange("/camunda/api/admin/auth/user/default/login/welcome", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    @Test
    @DisplayName("the webapps' login form: same throttle, then the admin's unlock")
    void webappLoginThrottled() {
        newUser("login-webapp", "Webapp-pass-1");
        assertThat(webappLogin("login-webapp", "Webapp-pass-1").getStatusCode().value()).isEqualTo(200);
        for (int i = 1; i <= 6; i++) {
            ResponseEntity<String> r = webappLogin("login-webapp", "wrong-" + i);
            assertThat(r.getStatusCode().value()).as("failure " + i + " → " + r.getBody()).isEqualTo(401);
        }
        ResponseEntity<String> throttled = webappLogin("login-webapp", "Webapp-pass-1");
        assertThat(throttled.getStatusCode().value()).as(throttled.getBody()).isEqualTo(429);
        assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/admin/users/login-webapp/unlock", HttpMethod.POST,
                HttpEntity.EMPTY, String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(webappLogin("login-webapp", "Webapp-pass-1").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @DisplayName("passwords are bcrypt; an old SHA-512 hash is upgraded on the next login; a changed password is not cached")
    void bcryptUpgradeAndCache() {
        newUser("login-hash", "Old-password-1");
        assertThat(storedHash("login-hash")).startsWith("{BCRYPT}$2a$10$");
        assertThat(storedHash("admin")).startsWith("{BCRYPT}");

        // as stored by an earlier version: salted SHA-512, one round
        UserEntity user = (UserEntity) identityService.createUserQuery().userId("login-hash").singleResult();
        String sha = "{SHA-512}" + new Sha512HashDigest().encrypt("Old-password-1" + user.getSalt());
        jdbc.update("update ACT_ID_USER set PWD_ = ? where ID_ = ?", sha, "login-hash");
        assertThat(storedHash("login-hash")).startsWith("{SHA-512}");
        assertThat(get("login-hash", "Old-password-1").getStatusCode().value()).isEqualTo(200);
        assertThat(storedHash("login-hash")).startsWith("{BCRYPT}");
        assertThat(identityService.checkPassword("login-hash", "Old-password-1")).isTrue();

        // cached now; a password change drops it at once
        assertThat(get("login-hash", "Old-password-1").getStatusCode().value()).isEqualTo(200);
        User changed = identityService.createUserQuery().userId("login-hash").singleResult();
        changed.setPassword("New-password-2");
        identityService.saveUser(changed);
        assertThat(get("login-hash", "Old-password-1").getStatusCode().value()).isEqualTo(401);
        assertThat(get("login-hash", "New-password-2").getStatusCode().value()).isEqualTo(200);
    }
}
