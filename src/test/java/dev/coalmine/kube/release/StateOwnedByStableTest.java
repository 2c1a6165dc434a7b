package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The release state ConfigMap and the Lease belong to the stable Deployment, so they go when it goes. */
class StateOwnedByStableTest {
    private static final String NS = "default";
    private static final String APP = "shop-frontend";

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient client = cluster.client();
    private final ReleaseService service = new ReleaseService(client,
            ReleaseSettings.defaults("owner-test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void stateAndLeaseCarryAnOwnerReferenceToTheStableDeployment() {
        service.start(ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=registry.example.com/shop/"
                + "frontend:1.4.0")), CanarySize.percent(25), true), false);
        service.drive(NS, APP, s -> s.phase().awaitingDecision(), Duration.ofSeconds(60), s -> { });
        String uid = client.apps().deployments().inNamespace(NS).withName(APP).get().getMetadata().getUid();

        List<OwnerReference> stateOwners = client.configMaps().inNamespace(NS).withName("coalmine-release-" + APP).get()
                .getMetadata().getOwnerReferences();
        List<OwnerReference> leaseOwners = client.leases().inNamespace(NS).withName("coalmine-release-" + APP).get()
                .getMetadata().getOwnerReferences();

        for (List<OwnerReference> owners : List.of(stateOwners, leaseOwners)) {
            assertThat(owners).singleElement().satisfies(o -> {
                assertThat(o.getKind()).isEqualTo("Deployment");
                assertThat(o.getApiVersion()).isEqualTo("apps/v1");
                assertThat(o.getName()).isEqualTo(APP);
                assertThat(o.getUid()).isEqualTo(uid);
                assertThat(o.getController()).isFalse();
            });
        }
    }
}
