package dev.coalmine.demo.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.ArgoRollouts;
import dev.coalmine.testing.ArgoAnalysisTemplates;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.FlaggerCanaries;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated Argo Rollouts and Flagger controllers, driven only through the demo API server. */
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
    void anArgoRolloutPausesRunsItsAnalysisPromotesAndAbortsAFaultyImage() throws Exception {
        workload("web", "shop/web:1.0.0");
        create(EngineApi.ANALYSIS_TEMPLATES, ArgoAnalysisTemplates.WEB_SUCCESS_RATE);
        create(EngineApi.ROLLOUTS, ArgoRollouts.ofDeployment("web", 4, """
                canaryMetadata: {labels: {coalmine.dev/track: canary}}
                steps:
                  - setWeight: 25
                  - pause: {}
                  - setWeight: 50
                  - analysis: {templates: [{templateName: web-success-rate}], args: [{name: deployment, value: web}]}
                  - pause: {duration: 1s}
                """));
        Eventually.assertThat(WAIT, () -> assertThat(text(rollout(), "status", "phase")).isEqualTo("Healthy"));
        Eventually.assertThat(WAIT, () -> assertThat(client.apps().deployments().inNamespace(NS).withName("web").get()
                .getSpec().getReplicas()).as("scaleDown: onsuccess").isZero());
        String firstStable = text(rollout(), "status", "stableRS");

        setImage("web", "shop/web:1.1.0");
        Eventually.assertThat(WAIT, () -> {
            JsonNode status = rollout().path("status");
            assertThat(status.path("phase").asText()).as("%s", status).isEqualTo("Paused");
            assertThat(status.path("message").asText()).isEqualTo("CanaryPauseStep");
            assertThat(status.path("currentStepIndex").asInt()).isEqualTo(1);
            assertThat(status.path("pauseConditions").path(0).path("reason").asText()).isEqualTo("CanaryPauseStep");
            assertThat(status.path("canary").path("weights").path("canary").path("weight").asInt()).isEqualTo(25);
            assertThat(status.path("updatedReplicas").asInt()).isEqualTo(1);
        });
        promote();
        Eventually.assertThat(WAIT, () -> {
            JsonNode status = rollout().path("status");
            assertThat(status.path("phase").asText()).isEqualTo("Healthy");
            assertThat(status.path("stableRS").asText()).isEqualTo(status.path("currentPodHash").asText())
                    .isNotEqualTo(firstStable);
        });
        JsonNode run = client.genericKubernetesResources(EngineApi.ANALYSIS_RUNS).inNamespace(NS).list().getItems()
                .stream().map(EngineSimulationTest::tree).findFirst().orElseThrow();
        assertThat(run.path("status").path("phase").asText()).isEqualTo("Successful");
        // Two successful measurements (a loaded machine may add an Error for a window without data: that one waits)
        assertThat(run.path("status").path("metricResults").path(0).path("successful").asInt()).isEqualTo(2);
        assertThat(run.path("status").path("metricResults").path(0).path("measurements"))
                .filteredOn(m -> m.path("phase").asText().equals("Successful")).hasSize(2)
                .allSatisfy(m -> assertThat(m.path("value").asText()).startsWith("["));

        setImage("web", "shop/web:1.2.0-faulty");
        Eventually.assertThat(WAIT, () -> assertThat(text(rollout(), "status", "message")).isEqualTo("CanaryPauseStep"));
        promote();
        Eventually.assertThat(WAIT, () -> {
            JsonNode status = rollout().path("status");
            assertThat(status.path("phase").asText()).as("%s %s", client.pods().inNamespace(NS).list().getItems().stream()
                    .map(p -> p.getMetadata().getName() + p.getMetadata().getLabels() + p.getSpec().getContainers().get(0).getImage()).toList(),
                    client.genericKubernetesResources(EngineApi.ANALYSIS_RUNS).inNamespace(NS).list().getItems().stream()
                    .map(r -> r.getAdditionalProperties().get("status")).toList()).isEqualTo("Degraded");
            assertThat(status.path("message").asText()).startsWith("RolloutAborted: Rollout aborted update to revision 3: "
                    + "Metric \"success-rate\" assessed Failed");
            assertThat(status.path("canary").path("weights").path("canary").path("weight").asInt()).isZero();
            assertThat(client.apps().replicaSets().inNamespace(NS).withName("web-" + status.path("currentPodHash")
                    .asText()).get().getSpec().getReplicas()).isZero();
            assertThat(client.apps().replicaSets().inNamespace(NS).withName("web-" + status.path("stableRS").asText())
                    .get().getStatus().getAvailableReplicas()).isEqualTo(4);
        });
    }

    /**
     * A Rollout named like the Deployment its {@code workloadRef} names finds {@code <name>-<hash>} taken by that
     * Deployment's own ReplicaSet (same template, same hash, as in Kubernetes). As Argo does, it counts the collision
     * in {@code status.collisionCount} and hashes again; before, it retried the create forever and never got a status.
     */
    @Test
    void aRolloutNamedLikeItsDeploymentGetsPastTheHashCollisionWithTheDeploymentsReplicaSet() {
        workload("cart", "shop/cart:1.0.0");
        String taken = "cart-" + TemplateHash.of(client, client.apps().deployments().inNamespace(NS).withName("cart")
                .get().getSpec().getTemplate());
        Eventually.assertThat(WAIT, () -> assertThat(client.apps().replicaSets().inNamespace(NS).withName(taken).get())
                .as("the Deployment controller's ReplicaSet").isNotNull());
        create(EngineApi.ROLLOUTS, """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: cart}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: cart}}
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: cart}
                  strategy: {canary: {steps: [{setWeight: 50}, {pause: {}}]}}
                """);
        Eventually.assertThat(WAIT, () -> {
            JsonNode status = tree(client.genericKubernetesResources(EngineApi.ROLLOUTS).inNamespace(NS).withName("cart")
                    .get()).path("status");
            assertThat(status.path("phase").asText()).as("%s", status).isEqualTo("Healthy");
            assertThat(status.path("collisionCount").asInt()).isEqualTo(1);
            assertThat("cart-" + status.path("stableRS").asText()).isNotEqualTo(taken);
            assertThat(client.apps().replicaSets().inNamespace(NS).withName("cart-" + status.path("stableRS").asText())
                    .get().getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("Rollout"));
        });
        assertThat(client.apps().replicaSets().inNamespace(NS).withName(taken).get().getMetadata().getOwnerReferences())
                .singleElement().satisfies(owner -> assertThat(owner.getKind()).isEqualTo("Deployment"));
    }

    @Test
    void aFlaggerCanaryInitializesAdvancesItsWeightPromotesAndFailsAFaultyImage() {
        workload("api", "shop/api:2.0.0");
        create(EngineApi.CANARIES, FlaggerCanaries.FAST_API);
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

    /** As kubectl set image; a 409 (the simulated controllers wrote the Deployment meanwhile) is tried again. */
    private static void setImage(String deployment, String image) {
        Eventually.assertThat(() -> client.apps().deployments().inNamespace(NS).withName(deployment).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            return d;
        }));
    }

    /** What {@code kubectl argo rollouts promote} sends for a Rollout paused at a pause step. */
    private static void promote() {
        client.genericKubernetesResources(EngineApi.ROLLOUTS).inNamespace(NS).withName("web").subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"pauseConditions\":null}}");
    }

    private static void create(ResourceDefinitionContext type, String yaml) {
        client.genericKubernetesResources(type).inNamespace(NS).resource(client.getKubernetesSerialization()
                .unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    private static JsonNode rollout() {
        return tree(client.genericKubernetesResources(EngineApi.ROLLOUTS).inNamespace(NS).withName("web").get());
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
