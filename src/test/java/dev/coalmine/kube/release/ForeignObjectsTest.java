package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Objects named like a release's that Coalmine did not make, and a paused stable, on the demo cluster. */
class ForeignObjectsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NS = "default";
    private static final String APP = "shop-frontend";

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient client = cluster.client();
    private final ReleaseService service = new ReleaseService(client,
            ReleaseSettings.defaults("foreign-test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aUserMadeCanaryIsRefusedBeforeAnythingIsRecorded() {
        client.apps().deployments().inNamespace(NS).resource(helmCopy(APP, "details-v1")).create();
        client.apps().deployments().inNamespace(NS).resource(helmCopy(APP, "details-v1-canary")).create();
        ReleasePlan plan = plan("details-v1");

        assertThatThrownBy(() -> service.start(plan, false)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("Deployment details-v1-canary").hasMessageContaining("Helm release details");
        assertThatThrownBy(() -> service.plan(plan)).hasMessageContaining("details-v1-canary");
        assertThat(new ReleasePreflight(client, Clock.systemUTC()).check(plan, 1).dryRunProblems())
                .singleElement().asString().contains("details-v1-canary");
        assertThat(client.configMaps().inNamespace(NS).withName("coalmine-release-details-v1").get()).isNull();
        assertThat(client.apps().deployments().inNamespace(NS).withName("details-v1-canary").get().getMetadata()
                .getLabels()).doesNotContainKey(ReleaseNames.TRACK);
    }

    @Test
    void rejectingAReleaseWhoseCanaryWasReplacedLeavesTheForeignObjectAndEnds() {
        service.start(plan(APP), false);
        service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        client.apps().deployments().inNamespace(NS).withName(APP + "-canary").withGracePeriod(0).delete();
        awaitGone(APP + "-canary");
        client.apps().deployments().inNamespace(NS).resource(helmCopy(APP, APP + "-canary")).create();

        service.reject(NS, APP, "ana");
        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Rejected());
        assertThat(done.log().get(done.log().size() - 1).message()).contains("left alone: Deployment " + APP
                + "-canary").contains("Helm release details");
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get()).isNotNull();
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP + "-baseline").get()).isNull();
        assertThat(client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> "coalmine".equals(e.getReportingComponent())).count()).as("no busy loop").isLessThan(20);
    }

    /**
     * Another controller's finalizer on the canary (a policy or backup tool's) holds its deletion: the release waits
     * in wrap-up, neither claiming success while the canary still stands nor writing its step log again and again.
     */
    @Test
    void aCanaryHeldByAForeignFinalizerKeepsTheWrapUpWaitingUntilItIsGone() throws Exception {
        service.start(plan(APP), false);
        service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        holdDeletion(APP + "-canary", true);
        service.promote(NS, APP, "ana");
        ExecutorService driving = Executors.newSingleThreadExecutor();
        try {
            Future<ReleaseState> promoted = driving.submit(() -> service.drive(NS, APP, s -> false, WAIT, s -> { }));
            Eventually.assertThat(WAIT, () -> assertThat(client.apps().deployments().inNamespace(NS)
                    .withName(APP + "-canary").get().getMetadata().getDeletionTimestamp()).isNotNull());
            Thread.sleep(2000); // a few of the drive's looks (every 100 ms here) while the finalizer holds
            assertThat(promoted).as("the drive waits for the canary to go").isNotDone();
            assertThat(service.storedHistory(NS, APP).current().orElseThrow().phase())
                    .isEqualTo(new ReleasePhase.Finalising());

            holdDeletion(APP + "-canary", false);
            ReleaseState done = promoted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
            assertThat(done.log()).filteredOn(line -> line.message().equals("deleting " + APP + "-canary")).hasSize(1);
            assertThat(done.log()).filteredOn(line -> line.message().equals("waiting for " + APP + "-canary to be deleted "
                    + "(held by the finalizer backup.example.com/hold)")).hasSize(1);
            assertThat(client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get()).isNull();
        } finally {
            driving.shutdownNow();
        }
    }

    /**
     * A canary left by an earlier release (ours, its immutable selector naming that release) that another
     * controller's finalizer holds: the next release deletes it, waits until it is gone and then creates its own. A
     * real API server refuses a changed selector, so rewriting the old object in place would fail the release.
     */
    @Test
    void aLeftoverCanaryHeldByAFinalizerIsReplacedNotRewritten() throws Exception {
        service.start(plan(APP), false);
        service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        Deployment firstCanary = client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get();
        service.reject(NS, APP, "ana");
        service.drive(NS, APP, s -> false, WAIT, s -> { });
        awaitGone(APP + "-canary");
        Deployment leftover = client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                .withNewMetadata().withName(APP + "-canary").withNamespace(NS)
                .withLabels(firstCanary.getMetadata().getLabels()).withFinalizers("backup.example.com/hold").endMetadata()
                .withSpec(firstCanary.getSpec()).build()).create();

        service.start(plan(APP), false);
        ExecutorService driving = Executors.newSingleThreadExecutor();
        try {
            Future<ReleaseState> deployed = driving.submit(() -> service.drive(NS, APP,
                    s -> s.phase().awaitingDecision(), WAIT, s -> { }));
            Eventually.assertThat(WAIT, () -> assertThat(client.apps().deployments().inNamespace(NS)
                    .withName(APP + "-canary").get().getMetadata().getDeletionTimestamp()).isNotNull());
            Thread.sleep(2000); // a few of the drive's looks (every 100 ms here) while the finalizer holds
            Deployment held = client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get();
            assertThat(held.getMetadata().getUid()).isEqualTo(leftover.getMetadata().getUid());
            assertThat(held.getSpec().getSelector()).as("the old selector, untouched").isEqualTo(firstCanary.getSpec().getSelector());
            assertThat(deployed).isNotDone();

            holdDeletion(APP + "-canary", false);
            ReleaseState ready = deployed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Deployment canary = client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get();
            assertThat(canary.getMetadata().getUid()).as("a new object").isNotEqualTo(leftover.getMetadata().getUid());
            assertThat(canary.getSpec().getSelector()).isNotEqualTo(firstCanary.getSpec().getSelector());
            assertThat(ready.log()).filteredOn(line -> line.message().equals("waiting for " + APP + "-canary to be "
                    + "deleted (held by the finalizer backup.example.com/hold)")).hasSize(1);
        } finally {
            driving.shutdownNow();
        }
    }

    private void holdDeletion(String deployment, boolean hold) {
        Deployments.holdDeletion(client, NS, deployment, "backup.example.com/hold", hold);
    }

    @Test
    void aPausedStableIsRefusedAtOnce() {
        client.apps().deployments().inNamespace(NS).withName(APP).edit(d -> new DeploymentBuilder(d)
                .editSpec().withPaused(true).endSpec().build());
        long started = System.nanoTime();

        assertThatThrownBy(() -> service.start(plan(APP), false)).hasMessageContaining("is paused (spec.paused");
        assertThatThrownBy(() -> service.plan(plan(APP))).hasMessageContaining("is paused");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(client.configMaps().inNamespace(NS).withName("coalmine-release-" + APP).get()).isNull();
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get()).isNull();
    }

    private static ReleasePlan plan(String deployment) {
        return ReleasePlan.ofImages(NS, deployment, List.of(ImageChange.parse("frontend=registry.example.com/shop/"
                + "frontend:1.4.0")), CanarySize.percent(25), true);
    }

    /** A copy of {@code source}'s spec under {@code name}, installed by Helm release "details". */
    private Deployment helmCopy(String source, String name) {
        Deployment live = client.apps().deployments().inNamespace(NS).withName(source).get();
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .addToLabels(ReleaseNames.MANAGED_BY, "Helm").addToAnnotations("meta.helm.sh/release-name", "details")
                .endMetadata().withSpec(live.getSpec()).build();
    }

    private void awaitGone(String name) {
        Eventually.assertThat(WAIT, () -> assertThat(client.apps().deployments().inNamespace(NS).withName(name).get())
                .as(name + " deleted").isNull());
    }
}
