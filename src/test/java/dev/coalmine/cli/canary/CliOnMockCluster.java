package dev.coalmine.cli.canary;

import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real command line against a mock API server that holds Deployment {@code shop/web}: register it with
 * {@code @RegisterExtension}; it is made anew for each test and closed after it.
 */
final class CliOnMockCluster implements AfterEachCallback {
    private final MockCluster cluster = new MockCluster();
    private final Path dir;
    private final CliRunner cli;

    /** @param stableReplicas how many replicas {@code shop/web} (image {@code shop/web:1}) has */
    CliOnMockCluster(int stableReplicas) {
        try {
            dir = Files.createTempDirectory("coalmine-cli");
            cli = new CliRunner(CliRunner.tokenKubeconfig(dir, cluster.server.url("/")));
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        }
        cluster.createStable("shop", "web", stableReplicas, "shop/web:1");
    }

    MockCluster cluster() {
        return cluster;
    }

    CliRunner cli() {
        return cli;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        cluster.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
