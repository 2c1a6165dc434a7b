package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every unfinished release in a scope, live: the release-state ConfigMaps and Coalmine's Leases, each listed and
 * watched once through the connection's cache — across all namespaces with one LIST and one WATCH per kind (not a
 * request per namespace), or in one namespace. Bursts of changes collapse into one list, sent on this reader's
 * own thread. Close it to stop.
 */
public final class ReleasesInProgress implements AutoCloseable {
    private final ReleaseService service;
    private final Clock clock;
    private final Coalescer publisher;
    private final CachedObjects<ConfigMap> states;
    private final CachedObjects<Lease> leases;

    /**
     * @param namespace {@link ClusterCache#ALL_NAMESPACES} or one namespace
     * @throws ListingForbiddenException when the user may not list release states there
     */
    ReleasesInProgress(ReleaseService service, ClusterCache cache, Clock clock, String namespace,
                       Consumer<List<InProgressRelease>> listener) {
        this.service = service;
        this.clock = clock;
        this.states = open(cache, CachedKind.RELEASE_STATES, namespace);
        CachedObjects<Lease> openedLeases;
        try {
            openedLeases = open(cache, CachedKind.RELEASE_LEASES, namespace);
        } catch (RuntimeException e) {
            states.close();
            throw e;
        }
        this.leases = openedLeases;
        this.publisher = new Coalescer("coalmine-releases-overview", () -> listener.accept(now()));
        states.onAnyChange(publisher::signal);
        leases.onAnyChange(publisher::signal);
        publisher.signal();
    }

    private static <T extends HasMetadata> CachedObjects<T> open(
            ClusterCache cache, CachedKind<T> kind, String namespace) {
        try {
            return cache.open(kind, namespace);
        } catch (CoalmineException e) {
            if (forbidden(e)) {
                throw new ListingForbiddenException((namespace == null ? "You may not list " + kind.description()
                        + " in all namespaces" : "You may not list " + kind.description() + " in namespace " + namespace)
                        + " (403 Forbidden)", e);
            }
            throw e;
        }
    }

    private static boolean forbidden(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                return true;
            }
        }
        return false;
    }

    /** The unfinished releases the cache holds now, by namespace and workload. */
    public List<InProgressRelease> now() {
        List<InProgressRelease> rows = new ArrayList<>();
        for (ConfigMap map : states.list()) {
            String namespace = map.getMetadata().getNamespace();
            String deployment = map.getMetadata().getLabels().get(ReleaseNames.STATE_OF);
            if (deployment == null || !ReleaseNames.stateConfigMap(deployment).equals(map.getMetadata().getName())) {
                continue; // a ConfigMap someone else labelled so: not a release state of ours
            }
            ReleaseState current;
            try {
                current = service.decode(namespace, deployment, map).unfinished().orElse(null);
            } catch (CoalmineException unreadable) {
                continue; // the workload's own view says what is wrong with it
            }
            if (current != null) {
                rows.add(new InProgressRelease(namespace, deployment, current, holder(namespace, deployment)));
            }
        }
        rows.sort(Comparator.comparing(InProgressRelease::namespace).thenComparing(InProgressRelease::deployment));
        return rows;
    }

    private String holder(String namespace, String deployment) {
        Lease lease = leases.get(namespace, ReleaseNames.lease(deployment));
        return lease == null ? null : WorkloadLease.liveHolder(lease, clock.instant()).orElse(null);
    }

    @Override
    public void close() {
        publisher.close();
        states.close();
        leases.close();
    }
}
