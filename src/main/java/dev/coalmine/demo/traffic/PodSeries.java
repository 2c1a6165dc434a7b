package dev.coalmine.demo.traffic;

import dev.coalmine.metrics.TrackSelection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identity of one simulated pod's metric series.
 *
 * @param deployment the owning Deployment's name, or "" for a pod without one
 * @param track      the pod's {@code coalmine.dev/track} label, or {@code stable} when absent
 * @param podLabels  the pod's labels as series labels, named as Prometheus's {@code labelmap} of
 *                   {@code __meta_kubernetes_pod_label_(.+)} names them ({@code rollouts-pod-template-hash} becomes
 *                   {@code rollouts_pod_template_hash}): what a query tells an Argo Rollout's or a Flagger Canary's
 *                   stable and canary pods apart by; a label named like one of the others is left out
 */
public record PodSeries(String namespace, String pod, String deployment, String track, Map<String, String> podLabels) {
    private static final Set<String> OWN_LABELS = Set.of("namespace", "pod", "deployment", "track", "code", "le");

    public PodSeries {
        podLabels = Map.copyOf(podLabels);
    }

    /** The series of a pod labelled {@code labels} (its Kubernetes labels; null for none). */
    public static PodSeries of(String namespace, String pod, String deployment, String track, Map<String, String> labels) {
        Map<String, String> mapped = new TreeMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> mapped.putIfAbsent(TrackSelection.seriesLabel(key), value));
        }
        mapped.keySet().removeAll(OWN_LABELS);
        return new PodSeries(namespace, pod, deployment, track, mapped);
    }
}
