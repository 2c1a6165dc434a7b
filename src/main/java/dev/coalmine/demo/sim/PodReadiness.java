package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** Readiness and availability of a pod as controllers judge it, and which pods to delete first. */
public final class PodReadiness {
    /** Unscheduled before scheduled, pending before running, not ready before ready, newest first. */
    static final Comparator<Pod> DELETION_ORDER = Comparator
            .comparing((Pod p) -> p.getSpec() != null && p.getSpec().getNodeName() != null)
            .thenComparing(p -> "Running".equals(phase(p)))
            .thenComparing(PodReadiness::isReady)
            .thenComparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()), Comparator.reverseOrder());

    private PodReadiness() {
    }

    public static boolean isReady(Pod pod) {
        return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** Ready for at least minReadySeconds. */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        return readyCondition(pod)
                .filter(c -> "True".equals(c.getStatus()))
                .map(c -> minReadySeconds == 0 || c.getLastTransitionTime() == null
                        || !Timestamps.parse(c.getLastTransitionTime()).plusSeconds(minReadySeconds).isAfter(now))
                .orElse(false);
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    private static Optional<PodCondition> readyCondition(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }
}
