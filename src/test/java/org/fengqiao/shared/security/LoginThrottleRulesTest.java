package org.fengqiao.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login throttle's rules on a clock the test moves: free failures, doubling, cap, forgetting, scope. */
class LoginThrottleRulesTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private MovableClock clock;
    private SimpleMeterRegistry registry;
    private LoginThrottle throttle;

    @BeforeEach
    void fresh() {
        clock = new MovableClock();
        registry = new SimpleMeterRegistry();
        throttle = new LoginThrottle(registry, clock);
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address, "api");
        }
    }

    @Test
    void fiveFailuresAreFreeThenTheDelayDoublesFromOneSecondUpToFifteenMinutes() {
        assertThat(LoginThrottle.FREE_FAILURES).isEqualTo(5);
        for (int n = 0; n <= 5; n++) {
            assertThat(LoginThrottle.delayAfter(n)).as("failure " + n).isZero();
        }
        assertThat(LoginThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delayAfter(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delayAfter(8)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LoginThrottle.delayAfter(15)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LoginThrottle.delayAfter(16)).as("1024 s is capped").isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theWaitCountsDownOnTheClockAndNeverBecomesPermanent() {
        fail("Mediator1", "10.0.0.1", 5);
        assertThat(throttle.waitFor("mediator1", "10.0.0.1")).as("five typos cost nothing").isZero();
        fail("mediator1", "10.0.0.1", 1);
        assertThat(throttle.waitFor("MEDIATOR1 ", "10.0.0.1")).as("user names compare trimmed, any case")
                .isEqualTo(Duration.ofSeconds(1));
        fail("mediator1", "10.0.0.1", 2);
        assertThat(throttle.waitFor("mediator1", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        clock.now = clock.now.plusSeconds(3);
        assertThat(throttle.waitFor("mediator1", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(2);
        assertThat(throttle.waitFor("mediator1", "10.0.0.1")).as("delay over").isZero();
        assertThat(registry.get("fengqiao.login.failures").tag("door", "api").counter().count()).isEqualTo(8.0);
    }

    @Test
    void anotherAddressIsNotLockedOutAndSuccessOrUnlockClears() {
        fail("clerk", "10.0.0.1", 7);
        assertThat(throttle.waitFor("clerk", "10.0.0.1")).isPositive();
        assertThat(throttle.waitFor("clerk", "10.0.0.2")).as("the user's own address").isZero();
        assertThat(throttle.waitFor("triage", "10.0.0.1")).as("another user").isZero();

        throttle.succeeded("clerk", "10.0.0.1");
        assertThat(throttle.waitFor("clerk", "10.0.0.1")).isZero();
        fail("clerk", "10.0.0.1", 1);
        assertThat(throttle.waitFor("clerk", "10.0.0.1")).as("counting starts again").isZero();

        fail("clerk", "10.0.0.1", 6);
        fail("clerk", "10.0.0.3", 6);
        fail("triage", "10.0.0.1", 6);
        throttle.unlock(" CLERK");
        assertThat(throttle.waitFor("clerk", "10.0.0.1")).isZero();
        assertThat(throttle.waitFor("clerk", "10.0.0.3")).isZero();
        assertThat(throttle.waitFor("triage", "10.0.0.1")).as("unlock is per user").isPositive();
    }

    @Test
    void aRecordQuietForAnHourIsForgotten() {
        assertThat(LoginThrottle.FORGET_AFTER).isEqualTo(Duration.ofHours(1));
        fail("visitor", "10.0.0.9", 9);
        assertThat(throttle.waitFor("visitor", "10.0.0.9")).isEqualTo(Duration.ofSeconds(8));
        clock.now = clock.now.plus(Duration.ofHours(1)).plusSeconds(1);
        fail("visitor", "10.0.0.9", 1);
        assertThat(throttle.waitFor("visitor", "10.0.0.9")).as("the old failures no longer count").isZero();
        fail("visitor", "10.0.0.9", 4);
        assertThat(throttle.waitFor("visitor", "10.0.0.9")).isZero();
        fail("visitor", "10.0.0.9", 1);
        assertThat(throttle.waitFor("visitor", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        fail("visitor", "10.0.0.9", 1);
        assertThat(throttle.waitFor("visitor", "10.0.0.9")).as("within the hour it keeps counting")
                .isEqualTo(Duration.ofSeconds(2));
    }
}
