package dev.coalmine.addon;

/** Starts the embedded demo cluster for {@code coalmine demo}, as the composition root configures it. */
@FunctionalInterface
public interface DemoLauncher {
    /**
     * @param port the API server's port on 127.0.0.1, 0 for a free one
     * @param seeded whether to create the sample shop workloads
     * @throws IllegalStateException when it cannot start (e.g. the port is taken)
     */
    RunningDemo launch(int port, boolean seeded);
}
