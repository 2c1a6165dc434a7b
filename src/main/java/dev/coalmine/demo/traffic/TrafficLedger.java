package dev.coalmine.demo.traffic;

import dev.coalmine.demo.ServedRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The cumulative traffic of every simulated pod, shared between the simulation thread (writes) and the
 * HTTP server's threads (reads). All access is synchronized on the ledger.
 */
final class TrafficLedger {
    private static final double LATENCY_SIGMA = 0.4;
    private static final long MIB = 1024 * 1024;

    private final Map<String, PodTraffic> pods = new HashMap<>();
    private final RandomGenerator random;

    TrafficLedger(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Keeps exactly the given pods: new ones start at zero, vanished ones disappear like a deleted target, and a pod
     * whose labels changed (Argo Rollouts moves a promoted canary's pods to the stable track) is a new series from
     * zero, as Prometheus sees a relabelled target.
     */
    synchronized void retain(Map<String, PodTraffic> running) {
        pods.keySet().retainAll(running.keySet());
        running.forEach((key, fresh) -> pods.merge(key, fresh,
                (known, now) -> known.series().equals(now.series()) ? known : now));
        pods.values().forEach(p -> p.rate(0));
    }

    /**
     * Serves {@code requests} requests on a pod that behaves as {@code behaviour}, over the {@code seconds} before
     * {@code end}, spread evenly over that slice; {@code withHeader} of them, spread evenly among them, carry
     * {@code header}.
     */
    synchronized void serve(String key, long requests, long withHeader, String header, ImageBehaviour behaviour,
                            double seconds, Instant end) {
        PodTraffic pod = pods.get(key);
        if (pod == null) {
            return;
        }
        double median = behaviour.medianLatency().toNanos() / 1e9;
        long sliceNanos = (long) (seconds * 1e9);
        for (long i = 0; i < requests; i++) {
            int code = random.nextDouble() < behaviour.errorRate() ? 500 : 200;
            Instant at = end.minusNanos(sliceNanos - sliceNanos * i / Math.max(requests, 1));
            boolean carries = (i + 1) * withHeader / requests > i * withHeader / requests;
            pod.record(code, median * Math.exp(LATENCY_SIGMA * random.nextGaussian()), at, carries ? header : "");
        }
        pod.rate(pod.lastRequestsPerSecond() + requests / Math.max(seconds, 1e-3));
    }

    /** What {@code namespace/pod} served in [from, to); empty when the ledger does not serve that pod. */
    synchronized Optional<List<ServedRequests.ServedRequest>> served(String namespace, String pod, Instant from,
                                                                     Instant to) {
        return Optional.ofNullable(pods.get(namespace + "/" + pod)).map(p -> p.served(from, to));
    }

    synchronized String prometheusText() {
        return PrometheusText.render(List.copyOf(pods.values()));
    }

    synchronized Set<String> keys() {
        return Set.copyOf(pods.keySet());
    }

    synchronized List<PodUsage> usage() {
        List<PodUsage> usage = new ArrayList<>();
        pods.values().forEach(p -> usage.add(usageOf(p)));
        return usage;
    }

    synchronized Optional<PodUsage> usage(String namespace, String pod) {
        return Optional.ofNullable(pods.get(namespace + "/" + pod)).map(TrafficLedger::usageOf);
    }

    /** A few millicores idle plus some per request; memory a stable base per pod plus a little per request. */
    private static PodUsage usageOf(PodTraffic pod) {
        double rps = pod.lastRequestsPerSecond();
        long cpu = Math.round(3 + rps * 1.5);
        long base = 48 * MIB + Math.floorMod(pod.series().pod().hashCode(), 16) * MIB;
        long memory = base + Math.round(rps * 256 * 1024);
        return new PodUsage(pod.series().namespace(), pod.series().pod(), pod.node(), pod.container(), cpu, memory);
    }
}
