package dev.coalmine.addon;

/** Starts the embedded demo cluster for {@code coalmine demo}, as the composition root configures it. */
@FunctionalInterface
public interface DemoLauncher {
    /**
     * @param port the API server's port on 127.0.0.1, 0 for a free one
     * @param seeded whether to create the sample shop workloads
     * @param faultPercent the share of API requests answered with an injected fault (0 to 100)
     * @param faultSeed the seed of the random choice of faults (the same seed replays a run)
     * @throws IllegalStateException when it cannot start (e.g. the port is taken)
     */
    RunningDemo launch(int port, boolean seeded, double faultPercent, long faultSeed);
}
