package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.AgentClient;
import dev.coalmine.testing.DenyAllBut;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hand-off needs no permission beyond those its RBAC check asks for: with every other verb on the resources it could
 * touch refused by the demo's RBAC rules ({@link DenyAllBut}), its review finds nothing to object to and the engine
 * takes the Deployment over.
 */
class LeastPrivilegeHandOffTest {
    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    private final KubernetesClient operator = AgentClient.of(cluster.clientConfig(), "operator");

    @AfterEach
    void stop() {
        operator.close();
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"ARGO_ROLLOUTS", "FLAGGER"})
    void aHandOffWithOnlyThePermissionsItsCheckAsksForIsTakenOver(Engine engine) {
        DenyAllBut.apply(cluster.client(), "default", HandOffService.permissions(engine));
        String deployment = engine == Engine.FLAGGER ? "shop-frontend" : "shop-api";
        String image = engine == Engine.FLAGGER ? "frontend=registry.example.com/shop/frontend:1.4.0"
                : "api=registry.example.com/shop/api:2.8.0";
        ReleasePlan plan = ReleasePlan.ofImages("default", deployment, List.of(ImageChange.parse(image)),
                CanarySize.count(1), false).withJudge(JudgeSpec.automatic(JudgeSettings.defaults(
                new MetricsLocation.DemoCluster())));
        HandOffService handOff = new HandOffService(operator);

        HandOffService.Review review = handOff.review(plan, engine);
        assertThat(review.rbacProblems()).isEmpty();
        assertThat(review.dryRunProblems()).isEmpty();
        assertThat(handOff.start(plan, engine, false, Duration.ofSeconds(60), note -> { })).isNotEmpty();
    }
}
