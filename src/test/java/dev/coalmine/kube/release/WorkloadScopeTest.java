package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two workloads' releases side by side in one namespace: each one sees only its own pods. */
class WorkloadScopeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NS = "default";

    @TempDir
    Path dir;

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient client = cluster.client();
    private final ReleaseService service = new ReleaseService(client,
            ReleaseSettings.defaults("scope-test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aBrokenCanaryOfAnotherWorkloadLeavesAHealthyReleaseAlone() throws Exception {
        service.start(plan("shop-api", "api=registry.example.com/shop/api:does-not-exist"), false);
        service.drive(NS, "shop-api", s -> s.log().stream().anyMatch(l -> l.message().startsWith("creating shop-api-canary")),
                WAIT, s -> { });
        awaitPullError("shop-api");

        service.start(plan("shop-frontend", "frontend=registry.example.com/shop/frontend:1.4.0"), false);
        ReleaseState waiting = service.drive(NS, "shop-frontend", s -> s.phase().awaitingDecision(), WAIT, s -> { });

        assertThat(waiting.phase()).as(String.join("\n", waiting.log().stream().map(StepLogEntry::toString).toList()))
                .isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(kubectl("get", "pods", "-l", "coalmine.dev/workload=shop-api,coalmine.dev/track=canary",
                "-o", "name")).as("the broken canary is still there, labelled with its own workload").isNotBlank();
        service.promote(NS, "shop-frontend", "ana");
        assertThat(service.drive(NS, "shop-frontend", s -> false, WAIT, s -> { }).phase())
                .isEqualTo(new ReleasePhase.Succeeded());
        ReleaseState broken = service.drive(NS, "shop-api", s -> false, WAIT, s -> { });
        assertThat(((ReleasePhase.Failed) broken.phase()).reason()).contains("shop-api-canary");
    }

    private static ReleasePlan plan(String deployment, String image) {
        return ReleasePlan.ofImages(NS, deployment, List.of(ImageChange.parse(image)), CanarySize.percent(25), true);
    }

    private void awaitPullError(String workload) {
        Eventually.assertThat(WAIT, () -> assertThat(client.pods().inNamespace(NS)
                .withLabel(ReleaseNames.TRACK, ReleaseNames.CANARY).list().getItems().stream()
                .filter(p -> p.getMetadata().getName().startsWith(workload + "-canary-") && p.getStatus() != null
                        && p.getStatus().getContainerStatuses() != null)
                .flatMap(p -> p.getStatus().getContainerStatuses().stream())
                .filter(cs -> cs.getState() != null && cs.getState().getWaiting() != null)
                .map(cs -> cs.getState().getWaiting().getReason()))
                .as(workload + "'s canary pod reports an image pull error").anyMatch(r -> r.contains("Image")));
    }

    private String kubectl(String... args) throws IOException, InterruptedException {
        return new DemoKubectl(cluster, dir, NS).run(args);
    }
}
