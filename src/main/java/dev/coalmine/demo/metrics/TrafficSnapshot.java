package dev.coalmine.demo.metrics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's counters of every pod at one scrape, and each pod's further series labels (its pod labels, as a
 * Prometheus {@code labelmap} names them).
 */
record TrafficSnapshot(Instant at, Map<PodKey, PodCounters> pods, Map<PodKey, Map<String, String>> labels) {
    private static final Set<String> COUNTER_LABELS = Set.of("namespace", "pod", "deployment", "track", "code", "le");

    /** The labels the demo puts on every series of a pod. */
    record PodKey(String namespace, String pod, String deployment, String track) {
    }

    TrafficSnapshot {
        pods = Map.copyOf(pods);
        labels = Map.copyOf(labels);
    }

    /** Whether the pod's series carry every one of {@code wanted} (series label names and values). */
    boolean carries(PodKey pod, Map<String, String> wanted) {
        return labels.getOrDefault(pod, Map.of()).entrySet().containsAll(wanted.entrySet());
    }

    /** Reads {@code http_requests_total{code}} and {@code http_request_duration_seconds_bucket{le}} per pod. */
    static TrafficSnapshot of(Instant at, List<PrometheusTextParser.Sample> samples) {
        Map<PodKey, double[]> requests = new HashMap<>();
        Map<PodKey, Map<Double, Double>> buckets = new HashMap<>();
        Map<PodKey, Map<String, String>> labels = new HashMap<>();
        for (PrometheusTextParser.Sample s : samples) {
            PodKey key = new PodKey(s.labels().getOrDefault("namespace", ""), s.labels().getOrDefault("pod", ""),
                    s.labels().getOrDefault("deployment", ""), s.labels().getOrDefault("track", "stable"));
            if (s.name().equals("http_requests_total")) {
                labels.computeIfAbsent(key, k -> podLabels(s.labels()));
                double[] counts = requests.computeIfAbsent(key, k -> new double[2]);
                counts[0] += s.value();
                if (s.labels().getOrDefault("code", "").startsWith("5")) {
                    counts[1] += s.value();
                }
            } else if (s.name().equals("http_request_duration_seconds_bucket") && s.labels().containsKey("le")) {
                String le = s.labels().get("le");
                buckets.computeIfAbsent(key, k -> new TreeMap<>())
                        .put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), s.value());
            }
        }
        Map<PodKey, PodCounters> pods = new HashMap<>();
        requests.forEach((key, counts) -> pods.put(key, new PodCounters(counts[0], counts[1],
                buckets.getOrDefault(key, Map.of()))));
        return new TrafficSnapshot(at, pods, labels);
    }

    private static Map<String, String> podLabels(Map<String, String> series) {
        Map<String, String> labels = new HashMap<>(series);
        labels.keySet().removeAll(COUNTER_LABELS);
        return labels;
    }
}
