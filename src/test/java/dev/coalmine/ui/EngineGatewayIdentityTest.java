package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.metrics.MetricSources;
import org.junit.jupiter.api.Test;

/** The console decides as the user the API server reports, next to the workstation it runs on. */
class EngineGatewayIdentityTest {
    @Test
    void decisionsCarryTheServerReportedUser() {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            EngineGateway engine = new EngineGateway(cluster.client(), new ClusterCache(cluster.client()),
                    "alice@laptop", MetricSources.standard());
            try (ReleaseSession session = engine.open("default", "shop-frontend")) {
                assertThat(session.identity()).isEqualTo("alice@laptop (demo-admin, console)");
            }
        }
    }
}
