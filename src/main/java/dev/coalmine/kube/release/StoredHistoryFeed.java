package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.function.Consumer;

/**
 * A workload's stored release history, live, from the namespace's release-state informer in the connection's
 * cache (the one an open rollout view and the driver use, so following it costs no request of its own). The
 * listener gets the history now and after every change, on this feed's own thread; {@code problems} hears when the
 * stored history cannot be read. Close it to stop.
 */
final class StoredHistoryFeed implements AutoCloseable {
    private final CachedObjects<ConfigMap> states;
    private final Coalescer publisher;

    StoredHistoryFeed(ReleaseService service, ClusterCache cache, String namespace, String deployment,
                      Consumer<ReleaseHistory> listener, Consumer<String> problems) {
        this.states = cache.open(CachedKind.RELEASE_STATES, namespace);
        this.publisher = new Coalescer("coalmine-history-" + deployment, () -> {
            try {
                listener.accept(service.decode(namespace, deployment,
                        states.get(ReleaseNames.stateConfigMap(deployment))));
            } catch (CoalmineException e) {
                problems.accept(e.getMessage());
            }
        });
        states.onAnyChange(publisher::signal);
        publisher.signal();
    }

    @Override
    public void close() {
        publisher.close();
        states.close();
    }
}
