package dev.coalmine.demo.metrics;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's counters of every pod at one scrape, and each pod's further series labels (its pod labels, as a
 * Prometheus {@code labelmap} names them). A scraper keeps 30 minutes of them, one a second, so each is kept
 * compact: plain numbers, and the pod's keys, labels and bucket bounds shared with the scrape before when unchanged
 * (boxed bucket maps and fresh label strings took ~17 kB a scrape: the console's heap grew by ~1 MB a minute).
 */
final class TrafficSnapshot {
    private static final Set<String> COUNTER_LABELS = Set.of("namespace", "pod", "deployment", "track", "code", "le");

    /** The labels the demo puts on every series of a pod. */
    record PodKey(String namespace, String pod, String deployment, String track) {
    }

    /** One pod's counters; the cumulative bucket counts go with {@code bounds}, ascending. */
    private record Counts(double requests, double errors, double[] bounds, double[] cumulative) {
        PodCounters counters() {
            Map<Double, Double> buckets = new HashMap<>();
            for (int i = 0; i < bounds.length; i++) {
                buckets.put(bounds[i], cumulative[i]);
            }
            return new PodCounters(requests, errors, buckets);
        }
    }

    private final Instant at;
    private final Map<PodKey, Counts> pods;
    private final Map<PodKey, Map<String, String>> labels;

    private TrafficSnapshot(Instant at, Map<PodKey, Counts> pods, Map<PodKey, Map<String, String>> labels) {
        this.at = at;
        this.pods = Map.copyOf(pods);
        this.labels = Map.copyOf(labels);
    }

    Instant at() {
        return at;
    }

    Set<PodKey> keys() {
        return pods.keySet();
    }

    /** The pod's counters at this scrape, or null when the pod was not there. */
    PodCounters counters(PodKey pod) {
        Counts counts = pods.get(pod);
        return counts == null ? null : counts.counters();
    }

    /** Every pod's counters. */
    Map<PodKey, PodCounters> pods() {
        Map<PodKey, PodCounters> all = new HashMap<>();
        pods.forEach((key, counts) -> all.put(key, counts.counters()));
        return all;
    }

    /** Whether the pod's series carry every one of {@code wanted} (series label names and values). */
    boolean carries(PodKey pod, Map<String, String> wanted) {
        return labels.getOrDefault(pod, Map.of()).entrySet().containsAll(wanted.entrySet());
    }

    /** Reads {@code http_requests_total{code}} and {@code http_request_duration_seconds_bucket{le}} per pod. */
    static TrafficSnapshot of(Instant at, List<PrometheusTextParser.Sample> samples) {
        return of(at, samples, null);
    }

    /** As {@link #of(Instant, List)}, sharing keys, labels and bucket bounds with {@code previous} (may be null). */
    static TrafficSnapshot of(Instant at, List<PrometheusTextParser.Sample> samples, TrafficSnapshot previous) {
        Map<PodKey, double[]> requests = new HashMap<>();
        Map<PodKey, TreeMap<Double, Double>> buckets = new HashMap<>();
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
        Map<PodKey, PodKey> known = new HashMap<>();
        Map<PodKey, Counts> before = previous == null ? Map.of() : previous.pods;
        Map<PodKey, Map<String, String>> labelsBefore = previous == null ? Map.of() : previous.labels;
        before.keySet().forEach(k -> known.put(k, k));
        Map<PodKey, Counts> pods = new HashMap<>();
        Map<PodKey, Map<String, String>> sharedLabels = new HashMap<>();
        requests.forEach((key, counts) -> {
            PodKey shared = known.getOrDefault(key, key);
            TreeMap<Double, Double> histogram = buckets.getOrDefault(key, new TreeMap<>());
            double[] bounds = histogram.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] cumulative = histogram.values().stream().mapToDouble(Double::doubleValue).toArray();
            Counts earlier = before.get(key);
            if (earlier != null && Arrays.equals(earlier.bounds(), bounds)) {
                bounds = earlier.bounds();
            }
            pods.put(shared, new Counts(counts[0], counts[1], bounds, cumulative));
            Map<String, String> now = labels.getOrDefault(key, Map.of());
            Map<String, String> then = labelsBefore.get(key);
            sharedLabels.put(shared, now.equals(then) ? then : Map.copyOf(now));
        });
        return new TrafficSnapshot(at, pods, sharedLabels);
    }

    private static Map<String, String> podLabels(Map<String, String> series) {
        Map<String, String> labels = new HashMap<>(series);
        labels.keySet().removeAll(COUNTER_LABELS);
        return labels;
    }
}
