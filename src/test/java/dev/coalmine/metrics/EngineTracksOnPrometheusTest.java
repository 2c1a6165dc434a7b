package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.flagger.CanaryPodLabel;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Track;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoEndpoints;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.argo.RolloutReader;
import dev.coalmine.kube.engines.EngineApis;
import dev.coalmine.kube.flagger.CanaryReader;
import dev.coalmine.testing.ArgoRollouts;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scraping the demo cluster's metrics page reads an engine's tracks by their pods' labels, as the
 * Rollout and Canary views chart them: an Argo Rollout's stable and canary (told apart only by
 * {@code rollouts-pod-template-hash}) and a Flagger Canary's primary and canary ({@code app=X-primary}, {@code app=X});
 * each line is exactly its pods' series, and the {@code faulty} canary's success rate is the lower.
 */
class EngineTracksOnPrometheusTest {
    private static final String NS = "default";
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static PrometheusProcess prometheus;
    private static MetricSource source;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(DemoOptions.defaults().empty()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        new TrafficKnobs(client).setRequestsPerSecond(100);
        URI metrics = URI.create(DemoEndpoints.metricsUrl(client).orElseThrow());
        prometheus = PrometheusProcess.start(List.of(metrics.getHost() + ":" + metrics.getPort()), Duration.ofSeconds(1));
        JudgeSettings settings = JudgeSettings.defaults(new MetricsLocation.PrometheusUrl(prometheus.baseUrl().toString()))
                .withPreset(QueryPreset.DEMO.id());
        source = MetricSources.standard().forPodLabels(settings, client, PrometheusAuth.none(), Duration.ofSeconds(10))
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRolloutsTracksAreItsPodsOfTheStableAndTheCurrentHash() {
        workload("web");
        create(EngineApis.ROLLOUTS, ArgoRollouts.ofDeployment("web", 4, """
                steps: [{setWeight: 25}, {pause: {}}]
                """));
        Eventually.assertThat(WAIT, () -> assertThat(rollout().stableRS()).isNotEmpty());
        setImage("web", "registry.example.com/shop/web:1.1.0-faulty");
        Eventually.assertThat(WAIT, () -> assertThat(rollout().currentPodHash()).isNotEqualTo(rollout().stableRS()));

        MetricTarget target = EngineTargets.ofRollout(rollout(), INTERVAL);
        awaitStableAboveCanary(target);
        assertSeriesAreThePodsOf(target, "rollouts_pod_template_hash", "rollouts-pod-template-hash");
    }

    @Test
    void aCanarysTracksAreThePrimarysAndTheTargetsPods() {
        workload("api");
        create(EngineApis.CANARIES, """
                apiVersion: flagger.app/v1beta1
                kind: Canary
                metadata: {name: api}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  service: {port: 8080, targetPort: http}
                  analysis:
                    interval: 1m
                    threshold: 5
                    maxWeight: 50
                    stepWeight: 10
                    metrics:
                      - {name: request-success-rate, interval: 1m, thresholdRange: {min: 99}}
                """);
        Eventually.assertThat(WAIT, () -> assertThat(canary().phase()).isEqualTo("Initialized"));
        setImage("api", "registry.example.com/shop/api:2.0.0-faulty");
        Eventually.assertThat(WAIT, () -> assertThat(canary().phase()).isEqualTo("Progressing"));

        MetricTarget target = EngineTargets.ofCanary(canary(), CanaryPodLabel.of(Map.of("app", "api")).orElseThrow(),
                INTERVAL);
        awaitStableAboveCanary(target);
        assertSeriesAreThePodsOf(target, "app", "app");
    }

    private static void awaitStableAboveCanary(MetricTarget target) {
        Eventually.assertThat(WAIT, () -> {
            Instant now = Instant.now();
            MetricSamples rate = source.range(target, MetricSpec.SUCCESS_RATE, now.minusSeconds(60), now,
                    Duration.ofSeconds(2));
            assertThat(rate.of(Track.STABLE).size()).as("stable points").isGreaterThan(3);
            assertThat(rate.of(Track.CANARY).size()).as("canary points").isGreaterThan(3);
            assertThat(rate.of(Track.STABLE).last().getAsDouble()).as("stable success rate").isGreaterThan(98.0);
            assertThat(rate.of(Track.CANARY).last().getAsDouble()).as("faulty canary success rate").isBetween(60.0, 97.0);
        });
    }

    /** The pods whose series each track's query selects are the pods that carry its label now. */
    private static void assertSeriesAreThePodsOf(MetricTarget target, String seriesLabel, String podLabel) {
        for (Track track : List.of(Track.STABLE, Track.CANARY)) {
            String value = target.selection(track).orElseThrow().podLabels().get(podLabel);
            Set<String> pods = client.pods().inNamespace(NS).withLabel(podLabel, value).list().getItems().stream()
                    .filter(p -> "Running".equals(p.getStatus().getPhase())).map(Pod::getMetadata)
                    .map(m -> m.getName()).collect(Collectors.toSet());
            assertThat(pods).as(track.label() + " pods").isNotEmpty();
            String series = prometheus.query("group by (pod) (http_requests_total{namespace=\"" + NS + "\","
                    + seriesLabel + "=\"" + value + "\"})");
            assertThat(series).as(track.label() + " series").contains(pods.stream().map(p -> "\"" + p + "\"").toList());
            List<String> others = client.pods().inNamespace(NS).list().getItems().stream()
                    .filter(p -> !value.equals(p.getMetadata().getLabels().get(podLabel)))
                    .map(p -> "\"" + p.getMetadata().getName() + "\"").toList();
            assertThat(series).as(track.label() + " series hold no other pod").doesNotContain(others);
        }
    }

    private static ArgoRollout rollout() {
        return RolloutReader.rollout(client.genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace(NS)
                .withName("web").get());
    }

    private static FlaggerCanary canary() {
        return CanaryReader.canary(client.genericKubernetesResources(EngineApis.CANARIES).inNamespace(NS)
                .withName("api").get());
    }

    private static void create(io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext type, String yaml) {
        client.genericKubernetesResources(type).inNamespace(NS).resource(client.getKubernetesSerialization()
                .unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    /** As kubectl set image; a 409 (the simulated controllers wrote the Deployment meanwhile) is tried again. */
    private static void setImage(String deployment, String image) {
        Eventually.assertThat(() -> client.apps().deployments().inNamespace(NS).withName(deployment).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            return d;
        }));
    }

    private static void workload(String name) {
        Deployments.createServed(client, NS, name, 4);
    }
}
