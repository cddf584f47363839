package org.fengqiao.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed logins, kept per (user, client address): the first {@value #FREE_FAILURES} failures cost
 * nothing (a few typos never lock anyone out), each further one makes that user wait from that
 * address for a growing, always temporary delay (1 s, 2 s, 4 s … at most {@link #MAX_DELAY}).
 * Someone guessing from another address never locks the user out of their own; a success or an
 * admin's unlock clears the record, and a record without failures for {@link #FORGET_AFTER} is
 * forgotten. Every failure is logged and counted in {@code fengqiao.login.failures}.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final int FREE_FAILURES = 5;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private record Key(String user, String address) {
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    /** Real time, not the engine's: a login delay protects against guessing now, whatever the cases' clock says. */
    private final Clock clock;

    @Autowired
    LoginThrottle(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    LoginThrottle(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** How long this user must still wait from this address before the next attempt (zero: go ahead). */
    public Duration waitFor(String user, String address) {
        Failures f = failures.get(new Key(normal(user), address));
        if (f == null || f.blockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a failed attempt (wrong password or unknown user). */
    public void failed(String user, String address, String door) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
        Failures f = failures.compute(new Key(normal(user), address), (k, old) -> {
            int count = old == null || old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.count() + 1;
            Instant blockedUntil = count <= FREE_FAILURES ? null : now.plus(delayAfter(count));
            return new Failures(count, now, blockedUntil);
        });
        Counter.builder("fengqiao.login.failures").description("Failed logins (wrong password or unknown user)")
                .tag("door", door).register(registry).increment();
        log.warn("Failed login of '{}' from {} via {} ({} in a row{})", user, address, door, f.count(),
                f.blockedUntil() == null ? "" : ", next attempt after " + f.blockedUntil());
    }

    /** Delay after the {@code count}-th consecutive failure: none up to five, then 1 s doubling, capped. */
    static Duration delayAfter(int count) {
        if (count <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES - 1, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    public void succeeded(String user, String address) {
        failures.remove(new Key(normal(user), address));
    }

    /** An admin's unlock: the user may try again at once from every address. */
    public void unlock(String user) {
        String u = normal(user);
        failures.keySet().removeIf(k -> k.user().equals(u));
        log.info("Login throttle of '{}' cleared by an admin", user);
    }

    private static String normal(String user) {
        return user == null ? "" : user.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
