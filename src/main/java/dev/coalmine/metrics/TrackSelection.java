package dev.coalmine.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whose metrics are one track's: the workload {@code {{workload}}} names, and its pods by label. A Coalmine track
 * selects no labels: its pods are its Deployment's, told apart by the {@code coalmine.dev/track} label. An in-cluster
 * engine's tracks do: an Argo Rollout's by {@code rollouts-pod-template-hash}, a Flagger Canary's by {@code app}.
 *
 * @param podLabels labels every pod of the track carries (a Kubernetes equality selector); empty for Coalmine's
 */
public record TrackSelection(String workload, Map<String, String> podLabels) {
    public TrackSelection {
        if (workload == null || workload.isBlank()) {
            throw new IllegalArgumentException("a track selection needs a workload");
        }
        podLabels = Map.copyOf(podLabels);
    }

    /** A Coalmine track: the Deployment {@code workload} and its pods of that track. */
    public static TrackSelection ofDeployment(String workload) {
        return new TrackSelection(workload, Map.of());
    }

    public boolean byPodLabels() {
        return !podLabels.isEmpty();
    }

    /**
     * The pod labels as PromQL matchers ({@code rollouts_pod_template_hash="5d4f8c"}), named as Prometheus's
     * {@code labelmap} of {@code __meta_kubernetes_pod_label_*} names them: every character but letters, digits and
     * underscores becomes an underscore.
     */
    public String promqlMatchers() {
        return new TreeMap<>(podLabels).entrySet().stream()
                .map(e -> seriesLabel(e.getKey()) + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(","));
    }

    /** A Kubernetes label key as a series label: {@code app.kubernetes.io/name} becomes {@code app_kubernetes_io_name}. */
    public static String seriesLabel(String podLabel) {
        return podLabel.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
