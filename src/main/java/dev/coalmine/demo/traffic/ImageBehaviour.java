package dev.coalmine.demo.traffic;

import java.time.Duration;
import java.util.Locale;

/**
 * How a pod running an image answers requests: the share of 5xx responses and the median latency.
 *
 * @param errorRate     probability of a 5xx response, 0..1
 * @param medianLatency median of the (log-normal) latency distribution
 */
public record ImageBehaviour(double errorRate, Duration medianLatency) {
    public static final ImageBehaviour HEALTHY = new ImageBehaviour(0.001, Duration.ofMillis(50));
    static final double FAULTY_ERROR_RATE = 0.10;
    static final int SLOW_FACTOR = 3;

    public ImageBehaviour {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("an error rate is between 0 and 1, got " + errorRate);
        }
        if (medianLatency.isNegative() || medianLatency.isZero()) {
            throw new IllegalArgumentException("a latency is positive, got " + medianLatency);
        }
    }

    /** The built-in behaviour: {@code faulty} serves about 10 % 5xx, {@code slow} is about 3x slower. */
    public static ImageBehaviour builtIn(String image) {
        String reference = image == null ? "" : image.toLowerCase(Locale.ROOT);
        double errorRate = reference.contains("faulty") ? FAULTY_ERROR_RATE : HEALTHY.errorRate();
        Duration latency = reference.contains("slow") ? HEALTHY.medianLatency().multipliedBy(SLOW_FACTOR) : HEALTHY.medianLatency();
        return new ImageBehaviour(errorRate, latency);
    }
}
