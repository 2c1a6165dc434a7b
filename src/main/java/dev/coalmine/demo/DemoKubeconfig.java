package dev.coalmine.demo;

import java.io.IOException;
import dev.coalmine.core.CoalmineException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kubeconfig that points kubectl and Coalmine at the demo cluster. */
final class DemoKubeconfig {
    static final String NAME = "coalmine-demo";

    private DemoKubeconfig() {
    }

    static String render(String serverUrl) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                users:
                - name: %1$s
                  user: {}
                preferences: {}
                """.formatted(NAME, serverUrl);
    }

    static void write(Path file, String serverUrl) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(serverUrl));
        } catch (IOException e) {
            throw new CoalmineException("cannot write the demo kubeconfig to " + file + " (" + e.getMessage()
                    + "); choose a writable path with --kubeconfig", e);
        }
    }
}
