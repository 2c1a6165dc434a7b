package dev.coalmine.kube.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * One user's share of a {@link ClusterCache} informer: reads the objects of its kind from the shared store and
 * listens for their changes. Listeners run on fabric8's informer thread, so they only enqueue or signal; a listener
 * added late first receives every cached object as an add. For a kind that is part of its collection (see
 * {@link CachedKind#narrowed}), an object that starts or stops being selected arrives as an add or a delete.
 * Closing removes this user's listeners and lets the informer go.
 */
public final class CachedObjects<T extends HasMetadata> implements AutoCloseable {
    private final SharedIndexInformer<T> informer;
    private final String namespace;
    private final Predicate<? super T> selects;
    private final boolean whole;
    private final boolean listedNow;
    private final Runnable release;
    private final List<ResourceEventHandler<T>> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    CachedObjects(SharedIndexInformer<T> informer, CachedKind<T> kind, String namespace, boolean listedNow,
                  Runnable release) {
        this.informer = informer;
        this.namespace = namespace;
        this.selects = kind.selects();
        this.whole = kind.whole();
        this.listedNow = listedNow;
        this.release = release;
    }

    /**
     * Whether the informer was started for this user, so its objects are as listed just now. Otherwise it ran
     * already (for another user, or lingering) and shows what its watch has delivered so far, which may lag a write
     * another process made a moment ago.
     */
    public boolean listedNow() {
        return listedNow;
    }

    /** The cached object named {@code name}, or null. */
    public T get(String name) {
        return get(namespace, name);
    }

    /** The cached object {@code namespace/name} (of an informer over all namespaces), or null. */
    public T get(String namespace, String name) {
        T object = informer.getStore().getByKey(namespace + "/" + name);
        return object == null || selects.test(object) ? object : null;
    }

    public List<T> list() {
        List<T> all = informer.getStore().list();
        return whole ? all : all.stream().filter(selects).toList();
    }

    public String namespace() {
        return namespace;
    }

    public void listen(ResourceEventHandler<? super T> listener) {
        ResourceEventHandler<T> handler = whole ? adapted(listener) : new SelectedChanges<>(selects, listener);
        listeners.add(handler);
        informer.addEventHandler(handler);
    }

    private static <T> ResourceEventHandler<T> adapted(ResourceEventHandler<? super T> listener) {
        @SuppressWarnings("unchecked")
        ResourceEventHandler<T> same = (ResourceEventHandler<T>) listener;
        return same;
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

    /** The changes of the selected objects of a collection, as if they were the whole collection. */
    private record SelectedChanges<T>(Predicate<? super T> selects, ResourceEventHandler<? super T> listener)
            implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            if (selects.test(obj)) {
                listener.onAdd(obj);
            }
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            boolean was = oldObj != null && selects.test(oldObj);
            boolean is = selects.test(newObj);
            if (was && is) {
                listener.onUpdate(oldObj, newObj);
            } else if (is) {
                listener.onAdd(newObj);
            } else if (was) {
                listener.onDelete(oldObj, false);
            }
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            if (selects.test(obj)) {
                listener.onDelete(obj, deletedFinalStateUnknown);
            }
        }
    }
}
