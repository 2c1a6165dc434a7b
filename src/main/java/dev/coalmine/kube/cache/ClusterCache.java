package dev.coalmine.kube.cache;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.kube.KubeErrors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection's shared informers, in the manner of client-go's informer factory: whoever needs a kind in a
 * namespace (the release driver, the workload list, a feed, a second view of the same release) gets a
 * {@link CachedObjects} over the same informer, so each kind costs one LIST and one WATCH per namespace however
 * many users it has. The informer stops when its last user closes, or, in a console (see {@link #lingering}), once
 * nobody has used it for a while: an operator who opens one release after another then lists each kind once.
 */
public final class ClusterCache implements AutoCloseable {
    /** The namespace to {@link #open} a kind in to list and watch it in every namespace with one LIST and one WATCH. */
    public static final String ALL_NAMESPACES = null;
    private static final Duration FIRST_LIST = Duration.ofSeconds(30);

    private static final Duration CONSOLE_LINGER = Duration.ofSeconds(60);
    private static final Duration COMMAND_LINGER = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final Duration firstList;
    private final Duration linger;
    private final Map<Key, Shared<?>> shared = new HashMap<>();
    private ScheduledExecutorService closer;

    /**
     * Informers are told apart by the collection they list (a kind made twice, and every kind picked out of one
     * collection, share one informer).
     */
    private record Key(String collection, String namespace) {
    }

    public ClusterCache(KubernetesClient client) {
        this(client, FIRST_LIST);
    }

    public ClusterCache(KubernetesClient client, Duration firstList) {
        this(client, firstList, Duration.ZERO);
    }

    private ClusterCache(KubernetesClient client, Duration firstList, Duration linger) {
        this.client = client;
        this.firstList = firstList;
        this.linger = linger;
    }

    /** A console's cache: an informer nobody uses any more keeps running for a minute, in case it is opened again. */
    public static ClusterCache lingering(KubernetesClient client) {
        return lingering(client, CONSOLE_LINGER);
    }

    /**
     * A command's cache: an informer nobody uses any more keeps running a few seconds, so the drive that follows a
     * start or a decision in the same process reads through the watches those just listed instead of listing again.
     */
    public static ClusterCache forCommands(KubernetesClient client) {
        return lingering(client, COMMAND_LINGER);
    }

    static ClusterCache lingering(KubernetesClient client, Duration linger) {
        return new ClusterCache(client, FIRST_LIST, linger);
    }

    /**
     * The objects of {@code kind} in {@code namespace} ({@link #ALL_NAMESPACES}: in every namespace, for the kinds
     * that offer it), listed and watched; blocks until the first list has arrived (call it off the UI thread).
     * Close the result when done with it.
     */
    public <T extends HasMetadata> CachedObjects<T> open(CachedKind<T> kind, String namespace) {
        Acquired<T> acquired = acquire(kind, namespace);
        Shared<T> entry = acquired.entry();
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
        return new CachedObjects<>(entry.informer, kind, namespace, acquired.started(), () -> release(entry));
    }

    private static String where(String namespace) {
        return namespace == null ? " in all namespaces" : " in namespace " + namespace;
    }

    /** How many informers run now (for tests and diagnostics). */
    public synchronized int running() {
        return shared.size();
    }

    /** How many informers someone uses now, not counting those only lingering (for tests and diagnostics). */
    public synchronized int inUse() {
        return (int) shared.values().stream().filter(entry -> entry.users > 0).count();
    }

    /** A user's hold on an informer, and whether it was started for this user. */
    private record Acquired<T extends HasMetadata>(Shared<T> entry, boolean started) {
    }

    @SuppressWarnings("unchecked")
    private synchronized <T extends HasMetadata> Acquired<T> acquire(CachedKind<T> kind, String namespace) {
        Key key = new Key(kind.collection(), namespace);
        Shared<T> entry = (Shared<T>) shared.get(key);
        boolean started = entry == null;
        if (started) {
            SharedIndexInformer<T> informer = kind.informer().apply(client, namespace)
                    .exceptionHandler(new InformerRetries());
            entry = new Shared<>(key, informer, informer.start().toCompletableFuture());
            shared.put(key, entry);
        }
        entry.users++;
        return new Acquired<>(entry, started);
    }

    private synchronized void release(Shared<?> entry) {
        if (--entry.users > 0) {
            return;
        }
        if (linger.isZero() || entry.synced.isCompletedExceptionally()) {
            stop(entry);
            return;
        }
        if (closer == null) {
            closer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "coalmine-cache-linger");
                thread.setDaemon(true);
                return thread;
            });
        }
        long releasedAt = ++entry.releases;
        closer.schedule(() -> stopIfUnused(entry, releasedAt), linger.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the informer unless someone took it again since its release number {@code releasedAt}. */
    private synchronized void stopIfUnused(Shared<?> entry, long releasedAt) {
        if (entry.users == 0 && entry.releases == releasedAt) {
            stop(entry);
        }
    }

    /** Stops every informer nobody uses any more (those lingering) now, e.g. before the connection closes. */
    @Override
    public synchronized void close() {
        List.copyOf(shared.values()).stream().filter(entry -> entry.users == 0).forEach(this::stop);
        if (shared.isEmpty() && closer != null) {
            // Its thread would outlive the connection; a later release starts another.
            closer.shutdownNow();
            closer = null;
        }
    }

    /** Whether a thread waits to stop informers once their linger is over. */
    synchronized boolean lingerScheduled() {
        return closer != null;
    }

    private void stop(Shared<?> entry) {
        if (shared.remove(entry.key, entry)) {
            entry.informer.close();
        }
    }

    private static final class Shared<T extends HasMetadata> {
        final Key key;
        final SharedIndexInformer<T> informer;
        final CompletableFuture<Void> synced;
        int users;
        /** How often its last user let it go: a later release restarts the linger. */
        long releases;

        Shared(Key key, SharedIndexInformer<T> informer, CompletableFuture<Void> synced) {
            this.key = key;
            this.informer = informer;
            this.synced = synced;
        }
    }
}
