package dev.coalmine.core.engine;

import dev.coalmine.core.CoalmineException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A planned release as an engine needs it: the Deployment (its replicas, selector and Service port), the canary's
 * share of the traffic, how it is judged, and where the engine's Prometheus is.
 *
 * @param canaryWeight      percent of the traffic the canary gets first (from Coalmine's canary size)
 * @param automatic         judged by metrics; otherwise a person promotes (Argo: an indefinite pause)
 * @param interval          one analysis interval
 * @param passingChecks     consecutive passing checks before promotion
 * @param maxFailedChecks   failed checks at which the release is rolled back
 * @param prometheusAddress the engine's (in-cluster) Prometheus
 * @param autoscaler        the HorizontalPodAutoscaler that scales the Deployment, or null
 */
public record HandOff(String namespace, String deployment, int replicas, Map<String, String> selector, int servicePort,
                      int canaryWeight, boolean automatic, Duration interval, int passingChecks, int maxFailedChecks,
                      List<EngineMetric> metrics, String prometheusAddress, String autoscaler) {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    public HandOff {
        selector = Map.copyOf(selector);
        metrics = List.copyOf(metrics);
        if (canaryWeight < 1 || canaryWeight > 100) {
            throw new CoalmineException("the canary's weight must be between 1 and 100 %, got " + canaryWeight);
        }
        if (replicas < 1) {
            throw new CoalmineException("the Deployment " + deployment + " has no replicas to hand off");
        }
    }

    /** A Deployment that no autoscaler scales. */
    public HandOff(String namespace, String deployment, int replicas, Map<String, String> selector, int servicePort,
                   int canaryWeight, boolean automatic, Duration interval, int passingChecks, int maxFailedChecks,
                   List<EngineMetric> metrics, String prometheusAddress) {
        this(namespace, deployment, replicas, selector, servicePort, canaryWeight, automatic, interval, passingChecks,
                maxFailedChecks, metrics, prometheusAddress, null);
    }

    /** The canary's share as an engine's step: its pods over the stable's, in whole percent (1 to 100). */
    public static int weightOf(int canaryReplicas, int stableReplicas) {
        return Math.max(1, Math.min(100, (int) Math.round(100.0 * canaryReplicas / stableReplicas)));
    }

    /** Go-style duration text, as both engines write it: {@code 30s}, {@code 2m}. */
    public String intervalText() {
        long s = interval.toSeconds();
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    public String analysisName() {
        return deployment + "-coalmine";
    }
}
