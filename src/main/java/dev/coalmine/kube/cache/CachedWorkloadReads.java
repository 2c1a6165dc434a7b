package dev.coalmine.kube.cache;

import dev.coalmine.metrics.WorkloadReads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod health's reads served from the shared cache: Deployments from the namespace's Deployment informer, and the pods
 * any selector picks (canary, baseline and stable pods alike) from the namespace's one pod informer, filtered in
 * memory. Each is listed and watched once per namespace, however often health is read and for however many
 * workloads.
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
        return handle(CachedKind.PODS, namespace).list().stream()
                .filter(pod -> LabelSelectorMatch.matches(selector, pod)).toList();
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
