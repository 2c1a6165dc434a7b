package dev.coalmine.kube.release;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Pauses between drives of a release after an error: from {@code first}, doubling up to {@code max}, each
 * shortened by up to a fifth at random so that consoles which failed together do not all retry together.
 */
record DriveBackoff(Duration first, Duration max) {
    public static final DriveBackoff DEFAULT = new DriveBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

    /** The pause after {@code failures} failed drives in a row (1 for the first). */
    public Duration pause(int failures, RandomGenerator random) {
        Duration pause = first;
        for (int i = 1; i < failures && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        Duration capped = pause.compareTo(max) > 0 ? max : pause;
        return capped.minusMillis((long) (capped.toMillis() * 0.2 * random.nextDouble()));
    }
}
