package dev.coalmine.demo.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * One pod's cumulative counters at one scrape: requests, 5xx responses, and the latency histogram's cumulative
 * bucket counts by upper bound in seconds (+Inf included).
 */
record PodCounters(double requests, double errors, Map<Double, Double> buckets) {
    PodCounters {
        buckets = Map.copyOf(buckets);
    }

    /** What happened between {@code earlier} and this scrape; a counter that went down was reset (a new pod). */
    PodCounters since(PodCounters earlier) {
        Map<Double, Double> delta = new TreeMap<>();
        buckets.forEach((le, count) -> delta.put(le, increase(earlier == null ? null : earlier.buckets.get(le), count)));
        return new PodCounters(increase(earlier == null ? null : earlier.requests, requests),
                increase(earlier == null ? null : earlier.errors, errors), delta);
    }

    PodCounters plus(PodCounters other) {
        Map<Double, Double> sum = new TreeMap<>(buckets);
        other.buckets.forEach((le, count) -> sum.merge(le, count, Double::sum));
        return new PodCounters(requests + other.requests, errors + other.errors, sum);
    }

    static PodCounters zero() {
        return new PodCounters(0, 0, Map.of());
    }

    private static double increase(Double before, double now) {
        return before == null || now < before ? now : now - before;
    }
}
