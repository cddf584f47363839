package org.fengqiao.support;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.fengqiao.shared.EngineClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The suite's "today": no test depends on the machine's date. The engine clock (and the
 * application clock that follows it) is anchored at {@link #TODAY} before any test or Spring
 * context starts, and put back on that time line after every test, whatever the test did to it.
 * {@code -Dfengqiao.test.today=2027-12-28T09:00:00+08:00} (or {@code FENGQIAO_TEST_TODAY}) runs the
 * whole suite on another day.
 * <p>
 * Registered as a JUnit Platform {@link LauncherSessionListener} (anchors once per test JVM) and as
 * an automatically detected Jupiter extension (restores after each test, re-anchors per class).
 */
public class TestClock implements LauncherSessionListener, BeforeAllCallback, AfterEachCallback {

    /** The fixed day the suite runs on unless told otherwise: a Friday in December, so deadlines cross into a provisional year. */
    public static final OffsetDateTime DEFAULT_TODAY = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");

    public static final OffsetDateTime TODAY = configuredToday();

    private static OffsetDateTime configuredToday() {
        String configured = System.getProperty("fengqiao.test.today", System.getenv("FENGQIAO_TEST_TODAY"));
        return configured == null || configured.isBlank() ? DEFAULT_TODAY : OffsetDateTime.parse(configured.strip());
    }

    private static volatile boolean anchored;

    /** Anchors the engine clock at {@link #TODAY} (once per JVM; later calls only restore the baseline). */
    public static synchronized void anchor() {
        if (!anchored) {
            EngineClock.anchor(TODAY.toInstant());
            anchored = true;
        } else {
            EngineClock.restore();
        }
    }

    /** Back on the suite's time line after a test moved the clock. */
    public static void restore() {
        anchor();
    }

    /** Stops the clock at {@code moment} (to fire a timer, or to act in the past). */
    public static void travelTo(Instant moment) {
        EngineClock.travelTo(moment);
    }

    /** Places "today" at {@code start}: the clock runs on from there until the test ends. */
    public static void runFrom(OffsetDateTime start) {
        EngineClock.runFrom(start.toInstant());
    }

    public static Instant now() {
        return EngineClock.current();
    }

    /** The engine's current time in China Standard Time. */
    public static OffsetDateTime offsetNow() {
        return now().atOffset(java.time.ZoneOffset.ofHours(8));
    }

    /** The engine's current day in China Standard Time. */
    public static java.time.LocalDate today() {
        return offsetNow().toLocalDate();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        anchor();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        anchor();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore();
    }
}
