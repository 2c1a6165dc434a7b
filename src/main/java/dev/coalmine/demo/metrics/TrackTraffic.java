package dev.coalmine.demo.metrics;

import java.util.Map;
import java.util.TreeMap;

/** The requests of one track over a window, and what a judge reads from them. */
record TrackTraffic(PodCounters counters) {
    private static final double P99 = 0.99;

    /** Share of requests without a 5xx, in percent; NaN without requests (Prometheus's 0 / 0). */
    double successRatePercent() {
        return counters.requests() > 0 ? (counters.requests() - counters.errors()) / counters.requests() * 100 : Double.NaN;
    }

    /** The 99th percentile latency in milliseconds, interpolated within a bucket as histogram_quantile does. */
    double p99LatencyMs() {
        return quantile(P99, new TreeMap<>(counters.buckets())) * 1000;
    }

    static double quantile(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        double total = cumulative.lastEntry().getValue();
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            double upperBound = bucket.getKey();
            double count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(upperBound)) {
                    return lowerBound;
                }
                return count == lowerCount ? upperBound
                        : lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
            }
            lowerBound = upperBound;
            lowerCount = count;
        }
        return lowerBound;
    }
}
