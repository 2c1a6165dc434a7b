package dev.coalmine.kube.cache;

import dev.coalmine.kube.release.ReleaseNames;
import dev.coalmine.metrics.WorkloadReads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod health's reads served from the shared cache: Deployments from the namespace's Deployment informer, canary and
 * baseline pods (whose selectors name a track) from the track-pod informer, and a stable Deployment's pods from one
 * informer per selector, opened on first use. Each is listed and watched once, however often health is read.
 */
public final class CachedWorkloadReads implements WorkloadReads, AutoCloseable {
    private final ClusterCache cache;
    private final Map<String, CachedObjects<?>> opened = new HashMap<>();

    public CachedWorkloadReads(ClusterCache cache) {
        this.cache = cache;
    }

    @Override
    public Deployment deployment(String namespace, String name) {
        return handle(CachedKind.DEPLOYMENTS, namespace).get(name);
    }

    @Override
    public List<Pod> pods(String namespace, LabelSelector selector) {
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        boolean namesTrack = wanted.containsKey(ReleaseNames.TRACK)
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
        if (!namesTrack) {
            return handle(CachedKind.podsSelectedBy(selector), namespace).list();
        }
        List<Pod> matching = new ArrayList<>();
        for (Pod pod : handle(CachedKind.TRACK_PODS, namespace).list()) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            if (labels != null && labels.entrySet().containsAll(wanted.entrySet())) {
                matching.add(pod);
            }
        }
        return matching;
    }

    @SuppressWarnings("unchecked")
    private synchronized <T extends HasMetadata> CachedObjects<T> handle(
            CachedKind<T> kind, String namespace) {
        return (CachedObjects<T>) opened.computeIfAbsent(kind.description() + " in " + namespace,
                k -> cache.open(kind, namespace));
    }

    @Override
    public synchronized void close() {
        opened.values().forEach(CachedObjects::close);
        opened.clear();
    }
}
