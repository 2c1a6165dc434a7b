package dev.coalmine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A UTC clock a test moves forward: from a fixed instant, or the system clock plus what was added. */
public final class MovableClock extends Clock {
    private final Supplier<Instant> base;
    private volatile Duration offset = Duration.ZERO;

    private MovableClock(Supplier<Instant> base) {
        this.base = base;
    }

    /** Stands still at {@code start} until moved. */
    public static MovableClock at(Instant start) {
        return new MovableClock(() -> start);
    }

    /** Runs with the system clock, ahead of it by what was added. */
    public static MovableClock system() {
        return new MovableClock(Instant::now);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

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
        return base.get().plus(offset);
    }
}
