package dev.coalmine.demo.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated Flagger controller, driven only through the demo API server. */
class EngineSimulationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NS = "default";
    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().empty()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        // Hundreds of requests in every window: a 10 % faulty canary cannot pass a check by luck.
        new TrafficKnobs(client).setRequestsPerSecond(600);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aFlaggerCanaryInitializesAdvancesItsWeightPromotesAndFailsAFaultyImage() {
        workload("api", "shop/api:2.0.0");
        create(EngineApi.CANARIES, """
                apiVersion: flagger.app/v1beta1
                kind: Canary
                metadata: {name: api}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  service: {port: 8080, targetPort: http}
                  analysis:
                    interval: 2s
                    threshold: 2
                    maxWeight: 50
                    stepWeight: 25
                    metrics:
                      - {name: request-success-rate, interval: 4s, thresholdRange: {min: 95}}
                """);
        Eventually.assertThat(WAIT, () -> assertThat(text(canary(), "status", "phase")).isEqualTo("Initialized"));
        assertThat(client.apps().deployments().inNamespace(NS).withName("api").get().getSpec().getReplicas()).isZero();
        assertThat(client.services().inNamespace(NS).withName("api").get().getSpec().getSelector())
                .containsEntry("app", "api-primary");
        assertThat(client.services().inNamespace(NS).withName("api-canary").get().getSpec().getSelector())
                .containsEntry("app", "api");
        assertThat(canary().path("status").path("conditions").path(0).path("message").asText())
                .isEqualTo("Deployment initialization completed.");

        setImage("api", "shop/api:2.1.0");
        Eventually.assertThat(WAIT, () -> assertThat(canary().path("status").path("canaryWeight").asInt()).isEqualTo(25));
        Eventually.assertThat(WAIT, () -> assertThat(text(canary(), "status", "phase")).isEqualTo("Succeeded"));
        assertThat(client.apps().deployments().inNamespace(NS).withName("api-primary").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("shop/api:2.1.0");

        setImage("api", "shop/api:2.2.0-faulty");
        Eventually.assertThat(WAIT, () -> {
            JsonNode status = canary().path("status");
            assertThat(status.path("phase").asText()).isEqualTo("Failed");
            assertThat(status.path("failedChecks").asInt()).isEqualTo(2);
            assertThat(status.path("canaryWeight").asInt()).isZero();
        });
        assertThat(client.apps().deployments().inNamespace(NS).withName("api").get().getSpec().getReplicas()).isZero();
        assertThat(client.apps().deployments().inNamespace(NS).withName("api-primary").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("shop/api:2.1.0");
    }

    private static void workload(String name, String image) {
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata().withName(name)
                .addToLabels("app", name).endMetadata().withNewSpec().withReplicas(4).withNewSelector()
                .addToMatchLabels("app", name).endSelector().withNewTemplate().withNewMetadata().addToLabels("app", name)
                .endMetadata().withNewSpec().addNewContainer().withName(name).withImage(image).addNewPort()
                .withName("http").withContainerPort(8080).endPort().endContainer().endSpec().endTemplate().endSpec()
                .build()).create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().addToSelector("app", name).addNewPort().withName("http").withPort(8080)
                .withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
    }

    private static void setImage(String deployment, String image) {
        client.apps().deployments().inNamespace(NS).withName(deployment).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            return d;
        });
    }

    private static void create(ResourceDefinitionContext type, String yaml) {
        client.genericKubernetesResources(type).inNamespace(NS).resource(client.getKubernetesSerialization()
                .unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    private static JsonNode canary() {
        return tree(client.genericKubernetesResources(EngineApi.CANARIES).inNamespace(NS).withName("api").get());
    }

    private static JsonNode tree(GenericKubernetesResource resource) {
        return Trees.MAPPER.valueToTree(client.getKubernetesSerialization().convertValue(resource, java.util.Map.class));
    }

    private static String text(JsonNode node, String... path) {
        return Trees.text(node, path);
    }
}
