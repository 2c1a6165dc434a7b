package dev.coalmine.demo.traffic;

import dev.coalmine.demo.ServedRequests.ServedRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cumulative request counters and a latency histogram for one pod, as a Prometheus client library keeps them. */
final class PodTraffic {
    /** Requests kept for the access log: some minutes of a busy pod. */
    static final int KEPT_REQUESTS = 5_000;

    /** Upper bounds in seconds: the Prometheus client libraries' default buckets. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PodSeries series;
    private final String node;
    private final String container;
    private final Map<Integer, Long> requestsByCode = new TreeMap<>();
    private final long[] bucketCounts = new long[BUCKETS.length];
    private long count;
    private double sumSeconds;
    private double lastRequestsPerSecond;
    /** The latest requests, for the pod's access log; older ones are forgotten as a log rotates. */
    private final Deque<ServedRequest> recent = new ArrayDeque<>();

    PodTraffic(PodSeries series, String node, String container) {
        this.series = series;
        this.node = node;
        this.container = container;
        requestsByCode.put(200, 0L);
    }

    PodSeries series() {
        return series;
    }

    String node() {
        return node;
    }

    String container() {
        return container;
    }

    void record(int code, double seconds, Instant at, String header) {
        recent.addLast(new ServedRequest(at, code, seconds, count + 1, header));
        if (recent.size() > KEPT_REQUESTS) {
            recent.removeFirst();
        }
        requestsByCode.merge(code, 1L, Long::sum);
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                bucketCounts[i]++;
            }
        }
        count++;
        sumSeconds += seconds;
    }

    void rate(double requestsPerSecond) {
        lastRequestsPerSecond = requestsPerSecond;
    }

    double lastRequestsPerSecond() {
        return lastRequestsPerSecond;
    }

    Map<Integer, Long> requestsByCode() {
        return Map.copyOf(requestsByCode);
    }

    long[] cumulativeBuckets() {
        return Arrays.copyOf(bucketCounts, bucketCounts.length);
    }

    /** The kept requests served in [from, to), oldest first. */
    List<ServedRequest> served(Instant from, Instant to) {
        List<ServedRequest> within = new ArrayList<>();
        for (ServedRequest request : recent) {
            if (!request.at().isBefore(from) && request.at().isBefore(to)) {
                within.add(request);
            }
        }
        return within;
    }

    long count() {
        return count;
    }

    double sumSeconds() {
        return sumSeconds;
    }
}
