package dev.coalmine.metrics;

import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.TrackUsage;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and memory per track for the evidence, from metrics.k8s.io while the cluster serves it. Usage is shown, not
 * judged, so a cluster without metrics-server, or a failed read, gives no usage rather than an error.
 */
final class TrackUsageReader {
    private final KubernetesHealthSource health;
    private volatile boolean served = true;

    TrackUsageReader(KubernetesHealthSource health) {
        this.health = health;
    }

    Map<Track, TrackUsage> read(MetricTarget target) {
        if (!served) {
            return Map.of();
        }
        try {
            return perTrack(health.usage(target));
        } catch (MetricsNotServedException e) {
            // Installing metrics-server is rare mid-release: asking again on every refresh would only repeat the 404.
            served = false;
            return Map.of();
        } catch (MetricSourceException | KubernetesClientException e) {
            return Map.of();
        }
    }

    static Map<Track, TrackUsage> perTrack(List<PodUsage> pods) {
        Map<Track, TrackUsage> usage = new EnumMap<>(Track.class);
        for (PodUsage pod : pods) {
            usage.merge(pod.track(), new TrackUsage(pod.track(), 1, pod.cpuMillicores(), pod.memoryBytes()),
                    (a, b) -> new TrackUsage(a.track(), a.pods() + b.pods(), a.cpuMillicores() + b.cpuMillicores(),
                            a.memoryBytes() + b.memoryBytes()));
        }
        return usage;
    }
}
