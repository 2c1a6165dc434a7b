package dev.coalmine.demo;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.core.CoalmineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/** The demo cluster as the console uses it: started on first use, stopped when the console closes. */
public final class ConsoleDemo implements AutoCloseable {
    private final Supplier<DemoOptions> options;
    private DemoCluster cluster;
    private Path kubeconfig;

    public ConsoleDemo(DemoOptions options) {
        this(() -> options);
    }

    /**
     * @param options built on first use: the simulation's settings load fabric8's model and slf4j (~0.3 s), which
     *     the console should not wait for before its first frame
     */
    public ConsoleDemo(Supplier<DemoOptions> options) {
        this.options = options;
    }

    /** Starts the demo cluster if needed and returns the kubeconfig it wrote (readable by this user only). */
    public synchronized Path kubeconfig() {
        if (cluster == null) {
            try {
                DemoOptions built = options.get();
                StartupTrace.mark("demo options built");
                cluster = DemoCluster.start(built);
                StartupTrace.mark("demo started");
                kubeconfig = Files.createTempFile("coalmine-demo-", ".kubeconfig",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                cluster.writeKubeconfig(kubeconfig);
            } catch (IOException | RuntimeException e) {
                close();
                throw new CoalmineException("The demo cluster cannot start: " + e.getMessage(), e);
            }
        }
        return kubeconfig;
    }

    public synchronized Optional<DemoCluster> running() {
        return Optional.ofNullable(cluster);
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        if (kubeconfig != null) {
            try {
                Files.deleteIfExists(kubeconfig);
            } catch (IOException ignored) {
                // a temporary file in the temp folder; the OS cleans it if we cannot
            }
            kubeconfig = null;
        }
    }
}
