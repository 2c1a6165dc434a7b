package dev.coalmine.demo.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * How the traffic simulation runs.
 *
 * @param tick        time between two simulated slices of traffic
 * @param metricsPort port of the {@code /metrics} endpoint on 127.0.0.1; 0 picks a free one
 * @param usageWindow how often PodMetrics/NodeMetrics objects (metrics.k8s.io) are refreshed, as metrics-server does
 */
public record TrafficSettings(Duration tick, int metricsPort, Duration usageWindow) {
    public TrafficSettings {
        Objects.requireNonNull(tick);
        Objects.requireNonNull(usageWindow);
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new IllegalArgumentException("not a port: " + metricsPort);
        }
    }

    public static TrafficSettings defaults() {
        return new TrafficSettings(Duration.ofSeconds(1), 0, Duration.ofSeconds(15));
    }

    public static TrafficSettings fast() {
        return new TrafficSettings(Duration.ofMillis(100), 0, Duration.ofSeconds(1));
    }

    public TrafficSettings withMetricsPort(int port) {
        return new TrafficSettings(tick, port, usageWindow);
    }
}
