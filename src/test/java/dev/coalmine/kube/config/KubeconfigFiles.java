package dev.coalmine.kube.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes kubeconfig files for tests. */
final class KubeconfigFiles {
    private KubeconfigFiles() {
    }

    static Path write(Path file, String yaml) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One context {@code name} → cluster {@code name-cluster} at {@code server} → user {@code name-user}. */
    static String singleContext(String name, String server, String token) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                clusters:
                - name: %1$s-cluster
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s-cluster
                    user: %1$s-user
                users:
                - name: %1$s-user
                  user:
                    token: %3$s
                """.formatted(name, server, token);
    }
}
