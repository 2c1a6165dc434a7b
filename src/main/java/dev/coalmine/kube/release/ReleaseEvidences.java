package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link ReleaseEvidence} per release per process, shared by whoever uses it (the judge, a rollout view, a
 * second view of the same release) and closed when the last of them lets go.
 */
final class ReleaseEvidences {
    private final KubernetesClient client;
    private final ClusterCache cache;
    private final PrometheusAuth auth;
    private final MetricSources metricSources;
    private final Map<String, Shared> open = new HashMap<>();

    private static final class Shared {
        final ReleaseEvidence evidence;
        int users;

        Shared(ReleaseEvidence evidence) {
            this.evidence = evidence;
        }
    }

    ReleaseEvidences(KubernetesClient client, ClusterCache cache, PrometheusAuth auth, MetricSources metricSources) {
        this.client = client;
        this.cache = cache;
        this.auth = auth;
        this.metricSources = metricSources;
    }

    synchronized ReleaseEvidence acquire(ReleaseState release) {
        Shared shared = open.computeIfAbsent(key(release), k -> new Shared(new ReleaseEvidence(client, cache, auth, metricSources, release)));
        shared.users++;
        return shared.evidence;
    }

    synchronized void release(ReleaseState release) {
        String key = key(release);
        Shared shared = open.get(key);
        if (shared != null && --shared.users == 0) {
            open.remove(key);
            shared.evidence.close();
        }
    }

    private static String key(ReleaseState release) {
        return release.plan().namespace() + "/" + release.plan().deployment() + "#" + release.number();
    }
}
