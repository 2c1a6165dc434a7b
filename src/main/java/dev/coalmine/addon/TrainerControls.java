package dev.coalmine.addon;

import java.time.Duration;

/**
 * The trainer's dials on a simulated cluster's traffic: request rate, and error rate and latency of the pods
 * whose image reference contains a substring. Each call writes to the cluster: call it off the JavaFX thread.
 */
public interface TrainerControls {
    void setRequestsPerSecond(double requestsPerSecond);

    void setErrorRate(String imageSubstring, double errorRate);

    void setLatency(String imageSubstring, Duration medianLatency);

    /** Returns images containing {@code imageSubstring} to their built-in behaviour. */
    void clear(String imageSubstring);
}
