package dev.coalmine.kube.engines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.argo.AnalysisRun;
import dev.coalmine.core.argo.ReplicaSetView;
import dev.coalmine.core.argo.RolloutSnapshot;
import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.argo.RolloutWatch;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.flagger.CanaryWatch;
import dev.coalmine.testing.ArgoRollouts;
import dev.coalmine.testing.ArgoAnalysisTemplates;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.FlaggerCanaries;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Rollout and Canary views are fed, from the namespace cache's watches while the demo's simulated engines
 * run a release: Argo's steps and current step, its stable and canary ReplicaSets with their pods, and the
 * AnalysisRun with every measurement and its verdict; Flagger's phase, weight, failed checks against the threshold,
 * iterations, conditions and its primary and canary Deployments. Every snapshot is kept, so a state the release
 * passes through quickly is not missed.
 */
class EngineWatchesTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String NS = "default";
    private static final ResourceDefinitionContext ANALYSIS_TEMPLATES = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("AnalysisTemplate").withPlural("analysistemplates")
            .withNamespaced(true).build();
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static ClusterCache cache;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().empty()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        cache = new ClusterCache(client);
        new TrafficKnobs(client).setRequestsPerSecond(600);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theRolloutWatchShowsStepsReplicaSetsWithPodsAndEveryMeasurementOfTheAnalysisRun() throws Exception {
        workload("web", 4);
        create(ANALYSIS_TEMPLATES, ArgoAnalysisTemplates.WEB_SUCCESS_RATE);
        // Named like its Deployment, as a hand-off names it: the demo's metrics label pods by that name.
        create(EngineApis.ROLLOUTS, ArgoRollouts.ofDeployment("web", 4, """
                canaryMetadata: {labels: {coalmine.dev/track: canary}}
                steps:
                  - setWeight: 50
                  - analysis: {templates: [{templateName: web-success-rate}], args: [{name: deployment, value: web}]}
                  - pause: {}
                """));
        List<RolloutSnapshot> seen = new CopyOnWriteArrayList<>();
        try (RolloutWatch watch = RolloutWatch.open(cache, NS, "web", s -> s.ifPresent(seen::add))) {
            Eventually.assertThat(WAIT, () -> assertThat(last(seen).rollout().phase()).isEqualTo("Healthy"));
            setImage("web", "registry.example.com/shop/web:1.1.0");

            Eventually.assertThat(WAIT, () -> {
                RolloutSnapshot now = last(seen);
                assertThat(now.rollout().progress()).as("%s", now.rollout()).startsWith("Paused \u00b7 step 3/3");
                assertThat(now.rollout().pauseConditions()).extracting(p -> p.reason()).containsExactly("CanaryPauseStep");
                assertThat(now.withRole(ReplicaSetView.Role.STABLE).orElseThrow().pods()).hasSize(2);
                assertThat(now.withRole(ReplicaSetView.Role.CANARY).orElseThrow().pods()).hasSize(2)
                        .allSatisfy(pod -> assertThat(pod.ready()).isTrue());
                assertThat(now.withRole(ReplicaSetView.Role.CANARY).orElseThrow().images())
                        .containsExactly("registry.example.com/shop/web:1.1.0");
                AnalysisRun run = now.analysisRuns().get(0);
                assertThat(run.phase()).isEqualTo("Successful");
                AnalysisRun.Metric metric = run.metrics().get(0);
                assertThat(metric.name()).isEqualTo("success-rate");
                assertThat(metric.successful()).isEqualTo(2);
                assertThat(metric.measurements()).filteredOn(m -> m.phase().equals("Successful")).hasSize(2)
                        .allSatisfy(m -> assertThat(m.value()).startsWith("["));
            });
            assertThat(seen).as("the step the analysis ran at was shown")
                    .anySatisfy(s -> assertThat(s.rollout().progress()).startsWith("Progressing \u00b7 step 2/3"));
        }
    }

    @Test
    void theCanaryWatchShowsPhaseWeightFailedChecksIterationsConditionsAndBothDeployments() throws Exception {
        workload("api", 2);
        create(EngineApis.CANARIES, FlaggerCanaries.FAST_API);
        List<CanarySnapshot> seen = new CopyOnWriteArrayList<>();
        try (CanaryWatch watch = CanaryWatch.open(cache, NS, "api", s -> s.ifPresent(seen::add))) {
            Eventually.assertThat(WAIT, () -> assertThat(last(seen).canary().phase()).isEqualTo("Initialized"));
            setImage("api", "registry.example.com/shop/api:2.1.0");

            Eventually.assertThat(WAIT, () -> assertThat(last(seen).canary().phase()).isEqualTo("Succeeded"));
            assertThat(seen).as("the analysis was shown under way, with both Deployments").anySatisfy(s -> {
                assertThat(s.canary().progress()).matches("Progressing \u00b7 (25|50) % \u00b7 [01]/2 failed checks");
                assertThat(s.primary()).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("api-primary"));
                assertThat(s.target()).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("api"));
            });
            CanarySnapshot end = last(seen);
            assertThat(end.canary().canaryWeight()).isZero();
            assertThat(end.canary().analysis().describe())
                    .isEqualTo("every 2s, stepWeight 25 up to 50 %, rolled back after 2 failed checks");
            assertThat(end.canary().conditions()).anySatisfy(c -> assertThat(c.describe()).contains("Promoted"));
            assertThat(end.canary().iterations()).as("counted only in iterations mode, as Flagger does").isZero();
            assertThat(end.primary().orElseThrow().images()).containsExactly("registry.example.com/shop/api:2.1.0");
        }
    }

    private static <T> T last(List<T> seen) {
        assertThat(seen).as("a snapshot").isNotEmpty();
        return seen.get(seen.size() - 1);
    }

    private static void workload(String name, int replicas) {
        var deployment = Deployments.of(NS, name, replicas, "registry.example.com/shop/" + name + ":1.0.0");
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).setPorts(List.of(
                new io.fabric8.kubernetes.api.model.ContainerPortBuilder().withName("http").withContainerPort(8080)
                        .build()));
        client.apps().deployments().inNamespace(NS).resource(deployment).create();
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

    private static void create(ResourceDefinitionContext type, String yaml) {
        client.genericKubernetesResources(type).inNamespace(NS).resource(client.getKubernetesSerialization()
                .unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

}
