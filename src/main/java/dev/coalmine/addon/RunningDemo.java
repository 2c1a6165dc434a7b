package dev.coalmine.addon;

import java.nio.file.Path;
import java.util.Optional;

/** A started demo cluster as {@code coalmine demo} reports it. */
public interface RunningDemo extends AutoCloseable {
    /** {@code https://127.0.0.1:PORT} */
    String apiServerUrl();

    /** Its simulated traffic's metrics page, when it serves one. */
    Optional<String> metricsUrl();

    /** Writes a kubeconfig for it (context {@code coalmine-demo}). */
    void writeKubeconfig(Path file);

    @Override
    void close();
}
