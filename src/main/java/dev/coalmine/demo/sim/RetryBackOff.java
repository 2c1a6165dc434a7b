package dev.coalmine.demo.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When a failing controller action (creating a pod, mounting a volume) may be tried and reported again: each
 * failure doubles the wait, as the real controllers' rate-limited work queues do, so a pod stuck for minutes
 * does not write an event on every pass.
 */
final class RetryBackOff {
    private record Attempt(int failures, Instant next) {
    }

    private final SimulationSettings settings;
    private final Map<String, Attempt> attempts = new HashMap<>();

    RetryBackOff(SimulationSettings settings) {
        this.settings = settings;
    }

    boolean due(String key, Instant now) {
        Attempt attempt = attempts.get(key);
        return attempt == null || !now.isBefore(attempt.next());
    }

    void failed(String key, Instant now) {
        int failures = attempts.containsKey(key) ? attempts.get(key).failures() + 1 : 1;
        attempts.put(key, new Attempt(failures, now.plus(settings.backOff(failures))));
    }

    void reset(String key) {
        attempts.remove(key);
    }
}
