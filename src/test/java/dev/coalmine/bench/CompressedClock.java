package dev.coalmine.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that keeps wall time until {@link #compress} is called and from then on runs {@code factor} times
 * faster: simulated minutes pass in a fraction of a wall minute.
 */
final class CompressedClock extends Clock {
    private volatile Instant base = Instant.now();
    private volatile long baseNanos = System.nanoTime();
    private volatile long factor = 1;

    /** From now on, one wall second is {@code newFactor} seconds of this clock. */
    synchronized void compress(long newFactor) {
        Instant now = instant();
        baseNanos = System.nanoTime();
        base = now;
        factor = newFactor;
    }

    /** The wall time until this clock shows {@code at}; zero if it already does. */
    Duration wallUntil(Instant at) {
        Duration left = Duration.between(instant(), at);
        return left.isNegative() ? Duration.ZERO : left.dividedBy(factor);
    }

    @Override
    public synchronized Instant instant() {
        return base.plusNanos((System.nanoTime() - baseNanos) * factor);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a compressed clock is UTC only");
    }
}
