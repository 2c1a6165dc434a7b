package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The HPA's scale-down stabilization window (5 minutes unless {@code behavior.scaleDown.stabilizationWindowSeconds}
 * says otherwise): it scales down only to the highest recommendation of the window, so spreading the load over
 * more pods does not immediately undo a scale-up.
 */
final class ScaleDownStabilization {
    private static final int DEFAULT_WINDOW_SECONDS = 300;

    private record Recommendation(Instant at, int replicas) {
    }

    private final Deque<Recommendation> recent = new ArrayDeque<>();

    int recommend(int replicas, Instant now, HorizontalPodAutoscaler hpa) {
        Duration window = Duration.ofSeconds(windowSeconds(hpa));
        recent.addLast(new Recommendation(now, replicas));
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        return recent.stream().mapToInt(Recommendation::replicas).max().orElse(replicas);
    }

    private static int windowSeconds(HorizontalPodAutoscaler hpa) {
        var behavior = hpa.getSpec().getBehavior();
        if (behavior == null || behavior.getScaleDown() == null
                || behavior.getScaleDown().getStabilizationWindowSeconds() == null) {
            return DEFAULT_WINDOW_SECONDS;
        }
        return behavior.getScaleDown().getStabilizationWindowSeconds();
    }
}
