package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coalmine canary plan|start --engine argo-rollouts|flagger} on the simulated demo cluster: plan prints the
 * objects and writes nothing; an engine the cluster does not serve is refused. The hand-off running to its end with
 * no Coalmine process left is {@link UnattendedHandOffTest}.
 */
class HandOffCliTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ResourceDefinitionContext ROLLOUTS = context("argoproj.io", "v1alpha1", "Rollout", "rollouts");
    private static final ResourceDefinitionContext CANARIES = context("flagger.app", "v1beta1", "Canary", "canaries");

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static CliRunner cli;

    @RegisterExtension
    final CliOnMockCluster plainCluster = new CliOnMockCluster(2);

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        cli = new CliRunner(kubeconfig);
        new TrafficKnobs(client).setRequestsPerSecond(600);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void planPrintsTheRolloutAndAnalysisTemplateAndChangesNothing() {
        assertThat(cli.run("canary", "plan", "shop-api", "--image", "api=registry.example.com/shop/api:2.8.0",
                "--count", "1", "--judge", "auto", "--engine", "argo-rollouts")).as(cli::err).isZero();
        assertThat(cli.out()).contains("kind: \"AnalysisTemplate\"", "kind: \"Rollout\"", "workloadRef:",
                "name: \"shop-api\"", "setWeight: 50", "templateName: \"shop-api-coalmine\"", "track=\\\"canary\\\"");
        assertThat(client.genericKubernetesResources(ROLLOUTS).inNamespace("default").withName("shop-api").get()).isNull();

        assertThat(cli.run("canary", "plan", "shop-frontend", "--image", "frontend=registry.example.com/shop/frontend:1.4.0",
                "--count", "1", "--judge", "auto", "--engine", "flagger")).as(cli::err).isZero();
        assertThat(cli.out()).contains("kind: \"MetricTemplate\"", "kind: \"Canary\"", "stepWeight: 25", "threshold: 2");
    }

    @Test
    void planWithAnEngineWritesJsonWhenAskedFor() throws IOException {
        assertThat(cli.run("canary", "plan", "shop-api", "--image", "api=registry.example.com/shop/api:2.8.0",
                "--count", "1", "--judge", "auto", "--engine", "argo-rollouts", "-o", "json")).as(cli::err).isZero();
        JsonNode plan = new ObjectMapper().readTree(cli.out());
        assertThat(plan.get("engine").asText()).isEqualTo("argo-rollouts");
        assertThat(plan.get("notes")).isEmpty();
        assertThat(plan.get("objects")).extracting(o -> o.get("kind").asText()).containsExactly("AnalysisTemplate", "Rollout");
        assertThat(plan.get("objects").get(1).at("/spec/workloadRef/name").asText()).isEqualTo("shop-api");
    }

    @Test
    void planSaysWhatHappensToTheDeploymentsAutoscaler() {
        // min = max = stable's replicas: the demo's autoscaler controller leaves shop-api as the other tests find it.
        var hpa = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("default").resource(
                new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("shop-api-hpa").endMetadata()
                        .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
                        .withName("shop-api").endScaleTargetRef().withMinReplicas(2).withMaxReplicas(2).endSpec().build());
        hpa.create();
        try {
            assertThat(cli.run("canary", "plan", "shop-api", "--image", "api=registry.example.com/shop/api:2.8.0",
                    "--count", "1", "--judge", "auto", "--engine", "argo-rollouts")).as(cli::err).isZero();
            assertThat(cli.out()).contains("\n# HorizontalPodAutoscaler shop-api-hpa scales Deployment shop-api, which "
                    + "Argo Rollouts scales to 0 once the Rollout is healthy; shop-api-hpa then scales nothing: point its "
                    + "scaleTargetRef at the Rollout");

            assertThat(cli.run("canary", "plan", "shop-api", "--image", "api=registry.example.com/shop/api:2.8.0",
                    "--count", "1", "--judge", "auto", "--engine", "flagger")).as(cli::err).isZero();
            assertThat(cli.out()).contains("# HorizontalPodAutoscaler shop-api-hpa scales shop-api: Flagger takes it over",
                    "autoscalerRef:", "name: \"shop-api-hpa\"");
        } finally {
            hpa.delete();
        }
    }

    @Test
    void anEngineWhoseCrdsAreNotInstalledIsRefusedByName() {
        CliRunner plain = plainCluster.cli();
        assertThat(plain.run("canary", "start", "web", "-n", "shop", "--image", "shop/web:2", "--count", "1",
                "--judge", "auto", "--engine", "flagger")).isEqualTo(1);
        assertThat(plain.err()).contains("flagger.app").contains("not installed").doesNotContain("Exception");
        assertThat(plain.run("canary", "plan", "web", "-n", "shop", "--image", "shop/web:2", "--count", "1",
                "--engine", "nonsense")).isEqualTo(2);
    }

    private static Map<?, ?> status(ResourceDefinitionContext type, String name) {
        GenericKubernetesResource r = client.genericKubernetesResources(type).inNamespace("default").withName(name).get();
        Object status = r == null ? null : r.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m ? m : Map.of();
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
