package dev.coalmine.kube.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of the process environment that decide where kubeconfig files are and how exec plugins
 * are found. Injected so tests never depend on the real environment.
 *
 * @param kubeconfigVariable the value of {@code KUBECONFIG}, if set and not blank
 * @param home the user's home directory ({@code ~/.kube/config} lives below it)
 * @param path this process's {@code PATH} (may be empty)
 */
public record KubeEnvironment(Optional<String> kubeconfigVariable, Path home, String path) {
    public KubeEnvironment {
        Objects.requireNonNull(kubeconfigVariable);
        Objects.requireNonNull(home);
        path = path == null ? "" : path;
    }

    public static KubeEnvironment fromSystem() {
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home", ".");
        }
        return new KubeEnvironment(Optional.ofNullable(System.getenv("KUBECONFIG")).filter(v -> !v.isBlank()),
                Path.of(home), System.getenv("PATH"));
    }
}
