package org.fengqiao.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock follows the process engine's clock, so that a test which moves the
 * engine's time (to fire a timer) sees domain timestamps and deadlines from the same time line.
 */
public class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
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
