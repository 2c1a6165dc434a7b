package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.coalmine.testing.AgentClient;
import dev.coalmine.testing.DenyAllBut;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A release needs no permission beyond those its preflight asks for: with the demo's RBAC rules refusing, in the
 * release's namespace, every other verb on every resource a release could touch ({@link DenyAllBut}), a release goes
 * from start through promotion to Succeeded, and another is rejected, as an operator with exactly that Role would see
 * it. Weighted releases: {@code LeastPrivilegeWeightedReleaseTest}.
 */
class LeastPrivilegeReleaseTest {
    private static final String NS = "default";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient operator = AgentClient.of(cluster.clientConfig(), "operator");

    @AfterEach
    void stop() {
        operator.close();
        cluster.close();
    }

    @Test
    void aReleaseWithOnlyThePermissionsItsPreflightAsksForIsPromotedAndAnotherRejected() {
        DenyAllBut.apply(cluster.client(), NS, RbacPreflight.neededFor(false));
        assertThatThrownBy(() -> operator.apps().replicaSets().inNamespace(NS).list()).as("the rules are in force")
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        ReleaseService service = new ReleaseService(operator, ReleaseSettings.defaults("least-privilege")
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)));

        service.start(plan("registry.example.com/shop/api:2.8.0"), false);
        assertThat(drive(service, s -> s.phase().awaitingDecision()).phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        service.promote(NS, "shop-api", "ana");
        assertThat(drive(service, s -> false).phase()).isEqualTo(new ReleasePhase.Succeeded());

        service.start(plan("registry.example.com/shop/api:2.9.0"), false);
        drive(service, s -> s.phase().awaitingDecision());
        service.reject(NS, "shop-api", "bo");
        assertThat(drive(service, s -> false).phase()).isEqualTo(new ReleasePhase.Rejected());
        assertThat(cluster.client().apps().deployments().inNamespace(NS).withName("shop-api").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example.com/shop/api:2.8.0");
    }

    private ReleaseState drive(ReleaseService service, java.util.function.Predicate<ReleaseState> until) {
        ReleaseState state = service.drive(NS, "shop-api", until, WAIT, s -> { });
        assertThat(state.phase()).as(() -> state.log().stream().map(StepLogEntry::message)
                .collect(Collectors.joining("\n"))).isNotInstanceOf(ReleasePhase.Failed.class);
        return state;
    }

    private static ReleasePlan plan(String image) {
        return ReleasePlan.ofImages(NS, "shop-api", List.of(ImageChange.parse("api=" + image)), CanarySize.count(1), true);
    }
}
