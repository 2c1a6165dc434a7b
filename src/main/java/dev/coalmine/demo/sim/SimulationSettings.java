package dev.coalmine.demo.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the simulated cluster moves.
 *
 * @param tick           pause between two reconcile passes (stretched automatically when a pass is slow)
 * @param imagePull      time a kubelet spends pulling an image
 * @param containerStart time from a pulled image to a running container
 * @param readinessCap   upper bound for a readiness probe's initialDelaySeconds
 * @param crashAfter     how long a {@code crashloop} container runs before it exits
 * @param initRun        how long an init container runs before it completes
 * @param backOffBase    first back-off after a crash or failed pull; it doubles on each repetition
 * @param backOffMax     upper bound of that back-off
 * @param nodes          number of fake nodes ({@code demo-node-1} ...)
 */
public record SimulationSettings(Duration tick, Duration imagePull, Duration containerStart,
                                 Duration readinessCap, Duration crashAfter, Duration initRun, Duration backOffBase,
                                 Duration backOffMax, int nodes) {

    public SimulationSettings {
        Objects.requireNonNull(tick);
        Objects.requireNonNull(imagePull);
        Objects.requireNonNull(containerStart);
        Objects.requireNonNull(readinessCap);
        Objects.requireNonNull(crashAfter);
        Objects.requireNonNull(initRun);
        Objects.requireNonNull(backOffBase);
        Objects.requireNonNull(backOffMax);
        if (nodes < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + nodes);
        }
    }

    /** Seconds, like a small real cluster: what demos and the console use. */
    public static SimulationSettings realistic() {
        return new SimulationSettings(Duration.ofMillis(250), Duration.ofMillis(1500), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20), 3);
    }

    /** Fractions of a second: for tests. */
    public static SimulationSettings fast() {
        return new SimulationSettings(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(2), 3);
    }

    public SimulationSettings withInitRun(Duration newInitRun) {
        return new SimulationSettings(tick, imagePull, containerStart, readinessCap, crashAfter, newInitRun, backOffBase,
                backOffMax, nodes);
    }

    /** The back-off before the {@code attempt}-th retry (1-based), doubling up to {@link #backOffMax}. */
    public Duration backOff(int attempt) {
        Duration d = backOffBase;
        for (int i = 1; i < attempt && d.compareTo(backOffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backOffMax) > 0 ? backOffMax : d;
    }
}
