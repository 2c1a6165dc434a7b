package dev.coalmine.kube.cache;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.kube.KubeErrors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection's shared informers, in the manner of client-go's informer factory: whoever needs a kind in a
 * namespace (the release driver, the workload list, a feed, a second view of the same release) gets a
 * {@link CachedObjects} over the same informer, so each kind costs one LIST and one WATCH per namespace however
 * many users it has. The informer stops when its last user closes.
 */
public final class ClusterCache {
    /** The namespace to {@link #open} a kind in to list and watch it in every namespace with one LIST and one WATCH. */
    public static final String ALL_NAMESPACES = null;
    private static final Duration FIRST_LIST = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final Duration firstList;
    private final Map<Key, Shared<?>> shared = new HashMap<>();

    /** Kinds are told apart by what they select (their description), so a kind made twice shares one informer. */
    private record Key(String kind, String namespace) {
    }

    public ClusterCache(KubernetesClient client) {
        this(client, FIRST_LIST);
    }

    public ClusterCache(KubernetesClient client, Duration firstList) {
        this.client = client;
        this.firstList = firstList;
    }

    /**
     * The objects of {@code kind} in {@code namespace} ({@link #ALL_NAMESPACES}: in every namespace, for the kinds
     * that offer it), listed and watched; blocks until the first list has arrived (call it off the UI thread).
     * Close the result when done with it.
     */
    public <T extends HasMetadata> CachedObjects<T> open(CachedKind<T> kind, String namespace) {
        Shared<T> entry = acquire(kind, namespace);
        try {
            entry.synced.get(firstList.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            release(entry);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new CoalmineException("Cannot watch " + kind.description() + where(namespace) + ": "
                    + KubeErrors.describe(cause), cause);
        } catch (InterruptedException e) {
            release(entry);
            Thread.currentThread().interrupt();
            throw new CoalmineException("interrupted while listing " + kind.description() + where(namespace)
                    + "; try again");
        }
        return new CachedObjects<>(entry.informer, namespace, () -> release(entry));
    }

    private static String where(String namespace) {
        return namespace == null ? " in all namespaces" : " in namespace " + namespace;
    }

    /** How many informers run now (for tests and diagnostics). */
    public synchronized int running() {
        return shared.size();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T extends HasMetadata> Shared<T> acquire(CachedKind<T> kind, String namespace) {
        Key key = new Key(kind.description(), namespace);
        Shared<T> entry = (Shared<T>) shared.get(key);
        if (entry == null) {
            SharedIndexInformer<T> informer = kind.informer().apply(client, namespace);
            entry = new Shared<>(key, informer, informer.start().toCompletableFuture());
            shared.put(key, entry);
        }
        entry.users++;
        return entry;
    }

    private synchronized void release(Shared<?> entry) {
        if (--entry.users == 0) {
            shared.remove(entry.key, entry);
            entry.informer.close();
        }
    }

    private static final class Shared<T extends HasMetadata> {
        final Key key;
        final SharedIndexInformer<T> informer;
        final CompletableFuture<Void> synced;
        int users;

        Shared(Key key, SharedIndexInformer<T> informer, CompletableFuture<Void> synced) {
            this.key = key;
            this.informer = informer;
            this.synced = synced;
        }
    }
}
