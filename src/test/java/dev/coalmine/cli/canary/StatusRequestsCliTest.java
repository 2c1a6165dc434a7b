package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoEndpoints;
import dev.coalmine.kube.release.MockCluster;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CLI call that reads no metrics does not ask whether the cluster is the demo (one request less per call). */
class StatusRequestsCliTest {
    @TempDir
    Path dir;

    private final MockCluster cluster = new MockCluster();

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void statusAsksNothingAboutMetrics() throws Exception {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        CliRunner cli = new CliRunner(CliRunner.tokenKubeconfig(dir, cluster.server.url("/")));
        skip(cluster.server.getRequestCount());

        int before = cluster.server.getRequestCount();
        assertThat(cli.run("canary", "status", "web", "-o", "json")).as(cli::err).isZero();

        List<String> paths = skip(cluster.server.getRequestCount() - before);
        assertThat(paths).as("the status call's requests").isNotEmpty()
                .noneMatch(path -> path.contains(DemoEndpoints.CONFIG_MAP));
    }

    /** The paths of the next {@code count} recorded requests, in the order they came. */
    private List<String> skip(int count) throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = cluster.server.takeRequest(1, TimeUnit.SECONDS);
            paths.add(request.getPath());
        }
        return paths;
    }
}
