package dev.coalmine.kube.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One user's share of a {@link ClusterCache} informer: reads from the shared store and listens for changes.
 * Listeners run on fabric8's informer thread, so they only enqueue or signal; a listener added late first
 * receives every cached object as an add. Closing removes this user's listeners and lets the informer go.
 */
public final class CachedObjects<T extends HasMetadata> implements AutoCloseable {
    private final SharedIndexInformer<T> informer;
    private final String namespace;
    private final Runnable release;
    private final List<ResourceEventHandler<? super T>> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    CachedObjects(SharedIndexInformer<T> informer, String namespace, Runnable release) {
        this.informer = informer;
        this.namespace = namespace;
        this.release = release;
    }

    /** The cached object named {@code name}, or null. */
    public T get(String name) {
        return get(namespace, name);
    }

    /** The cached object {@code namespace/name} (of an informer over all namespaces), or null. */
    public T get(String namespace, String name) {
        return informer.getStore().getByKey(namespace + "/" + name);
    }

    public List<T> list() {
        return informer.getStore().list();
    }

    public String namespace() {
        return namespace;
    }

    public void listen(ResourceEventHandler<? super T> listener) {
        listeners.add(listener);
        informer.addEventHandler(listener);
    }

    /** Calls {@code changed} on every add, update or delete. */
    public void onAnyChange(Runnable changed) {
        listen(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                changed.run();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed.run();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                changed.run();
            }
        });
    }

    /** Whether the watch is open now (false while relisting or reconnecting). */
    public boolean isWatching() {
        return informer.isWatching();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        listeners.forEach(informer::removeEventHandler);
        listeners.clear();
        release.run();
    }
}
