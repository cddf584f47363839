package org.fengqiao.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock follows the process engine's clock, so that a test which moves the
 * engine's time (to fire a timer) sees domain timestamps and deadlines from the same time line.
 * <p>
 * The engine clock runs on a <em>baseline</em>: the system time, or the system time shifted so that
 * it started at an anchored instant ({@link #anchor}: the test suite's fixed "today", or
 * {@code fengqiao.clock.start} for a demo or a training instance). {@link #travelTo} stops it at a
 * moment (historical seeds, tests firing timers); {@link #restore} puts it back on the baseline,
 * never on the machine's date when an anchor is set.
 */
public class EngineClock extends Clock {

    /** Milliseconds between the baseline and the system time; {@code null}: the system time itself. */
    private static volatile Long baselineOffset;

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on the baseline runs from {@code start}, ticking with the system clock. */
    public static synchronized void anchor(Instant start) {
        baselineOffset = start.toEpochMilli() - System.currentTimeMillis();
        restore();
    }

    /** Stops the engine clock at {@code moment} until {@link #restore} or another call. */
    public static void travelTo(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    /** Lets the engine clock run (ticking) from {@code start} until {@link #restore}; the baseline stays. */
    public static void runFrom(Instant start) {
        ClockUtil.offset(start.toEpochMilli() - System.currentTimeMillis());
    }

    /** Back on the baseline (the anchored time line, else the system time). */
    public static synchronized void restore() {
        Long offset = baselineOffset;
        if (offset == null) {
            ClockUtil.reset();
        } else {
            ClockUtil.offset(offset);
        }
    }

    /** The engine's current time. */
    public static Instant current() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
