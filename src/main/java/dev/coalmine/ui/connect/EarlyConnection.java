package dev.coalmine.ui.connect;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.kube.cache.CachedKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connects to the initial choice at once, on a thread of its own, so that the connection (on the demo cluster also
 * the demo's start) and the first LIST of the namespace's Deployments overlap the JavaFX toolkit's start and the
 * window's first frames instead of following them. The console's first {@link #connect} to that choice is handed
 * this connection, or its failure exactly as the wrapped access threw it; every other call is the wrapped access's.
 */
public final class EarlyConnection implements ClusterAccess {
    private final ClusterAccess access;
    private final CompletableFuture<Optional<String>> choice = new CompletableFuture<>();
    private final CompletableFuture<ConnectedCluster> connection = new CompletableFuture<>();
    private final AtomicBoolean handedOver = new AtomicBoolean();

    private EarlyConnection(ClusterAccess access) {
        this.access = access;
    }

    /** Starts connecting to what {@code access} would connect to at start, if anything. */
    public static EarlyConnection start(ClusterAccess access) {
        EarlyConnection early = new EarlyConnection(access);
        Thread thread = new Thread(early::connectEarly, "coalmine-early-connection");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private void connectEarly() {
        Optional<String> initial;
        try {
            access.choices();
            initial = access.initialChoice();
        } catch (RuntimeException e) {
            initial = Optional.empty(); // the console loads the choices again and shows what is wrong
        }
        choice.complete(initial);
        if (initial.isEmpty()) {
            return;
        }
        ConnectedCluster cluster;
        try {
            cluster = access.connect(initial.get());
            connection.complete(cluster);
        } catch (RuntimeException e) {
            connection.completeExceptionally(e);
            return;
        }
        StartupTrace.mark("connected early");
        listDeployments(cluster);
    }

    /**
     * Lists the namespace's Deployments into the connection's cache, where the workload list finds them (the
     * console's cache keeps an informer a while after its last user lets it go).
     */
    private static void listDeployments(ConnectedCluster cluster) {
        try {
            cluster.cache().open(CachedKind.DEPLOYMENTS, cluster.namespace()).close();
            StartupTrace.mark("Deployments listed early");
        } catch (RuntimeException e) {
            // the workload list opens them again and says what is wrong
        }
    }

    @Override
    public List<String> choices() {
        return access.choices();
    }

    @Override
    public Optional<String> initialChoice() {
        return access.initialChoice();
    }

    @Override
    public String sourceDescription() {
        return access.sourceDescription();
    }

    @Override
    public ConnectedCluster connect(String target) {
        if (handedOver.compareAndSet(false, true)) {
            if (choice.join().filter(target::equals).isPresent()) {
                return early();
            }
            connection.thenAccept(EarlyConnection::closeQuietly); // the console chose something else first
        }
        return access.connect(target);
    }

    private ConnectedCluster early() {
        try {
            return connection.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static void closeQuietly(ConnectedCluster unused) {
        try {
            unused.resources().close();
        } catch (Exception ignored) {
            // nobody used it; a connection that fails to close leaves nothing to undo
        }
    }
}
