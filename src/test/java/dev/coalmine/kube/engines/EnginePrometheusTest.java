package dev.coalmine.kube.engines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.flagger.CanaryPodLabel;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.EngineTargets;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a cluster that is not the demo, an engine's view charts from the Prometheus its own analysis reads: the address
 * of the namespace's AnalysisTemplate or MetricTemplate, through the service proxy when it is a Service's, with the
 * preset of the Rollout's traffic router or the Canary's provider.
 */
class EnginePrometheusTest {
    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().empty());
        client = cluster.client();
        for (String ns : new String[] {"argo", "flagger", "bare"}) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void inClusterAddressesGoThroughTheServiceProxyOthersByUrl() {
        assertThat(EnginePrometheus.location("http://prometheus.monitoring:9090", "shop"))
                .isEqualTo(new MetricsLocation.PrometheusService("monitoring/prometheus:9090"));
        assertThat(EnginePrometheus.location("http://prometheus-server.istio-system.svc.cluster.local", "shop"))
                .isEqualTo(new MetricsLocation.PrometheusService("istio-system/prometheus-server:80"));
        assertThat(EnginePrometheus.location("http://prometheus:9090", "shop"))
                .isEqualTo(new MetricsLocation.PrometheusService("shop/prometheus:9090"));
        assertThat(EnginePrometheus.location("https://prometheus.example.com/", "shop"))
                .isEqualTo(new MetricsLocation.PrometheusUrl("https://prometheus.example.com/"));
        assertThat(EnginePrometheus.location("http://127.0.0.1:9090", "shop"))
                .isEqualTo(new MetricsLocation.PrometheusUrl("http://127.0.0.1:9090"));
    }

    @Test
    void aRolloutsPrometheusIsItsAnalysisTemplatesWithItsRoutersPreset() {
        create(EngineApis.ANALYSIS_TEMPLATES, "argo", """
                apiVersion: argoproj.io/v1alpha1
                kind: AnalysisTemplate
                metadata: {name: success-rate}
                spec:
                  metrics:
                    - name: success-rate
                      successCondition: result[0] >= 99
                      provider:
                        prometheus: {address: "http://prometheus.monitoring:9090", query: "vector(100)"}
                """);
        create(EngineApis.ROLLOUTS, "argo", """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web:1}]}}
                  strategy:
                    canary:
                      trafficRouting: {nginx: {stableIngress: web}}
                      steps: [{setWeight: 20}]
                """);

        Optional<JudgeSettings> found = EnginePrometheus.ofRollout(client, "argo", "web");

        assertThat(found).hasValueSatisfying(s -> {
            assertThat(s.location()).isEqualTo(new MetricsLocation.PrometheusService("monitoring/prometheus:9090"));
            assertThat(s.preset()).isEqualTo("nginx");
        });
        assertThat(EnginePrometheus.ofRollout(client, "bare", "web")).isEmpty();
    }

    @Test
    void aCanarysPrometheusIsItsMetricTemplatesWithItsProvidersPreset() {
        create(EngineApis.METRIC_TEMPLATES, "flagger", """
                apiVersion: flagger.app/v1beta1
                kind: MetricTemplate
                metadata: {name: error-rate}
                spec:
                  provider: {type: prometheus, address: "http://prometheus.linkerd-viz:9090"}
                  query: "vector(1)"
                """);
        create(EngineApis.CANARIES, "flagger", """
                apiVersion: flagger.app/v1beta1
                kind: Canary
                metadata: {name: api}
                spec:
                  provider: linkerd
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  service: {port: 8080}
                  analysis: {interval: 1m, threshold: 5, maxWeight: 50, stepWeight: 10}
                """);

        assertThat(EnginePrometheus.ofCanary(client, "flagger", "api")).hasValueSatisfying(s -> {
            assertThat(s.location()).isEqualTo(new MetricsLocation.PrometheusService("linkerd-viz/prometheus:9090"));
            assertThat(s.preset()).isEqualTo("linkerd");
        });
    }

    @Test
    void withoutOneTheEvidenceSaysWhyAndHasPodHealthOnly() throws Exception {
        MetricTarget target = EngineTargets.ofCanary(new FlaggerCanary("bare", "api", "Deployment", "api", "Progressing",
                10, 0, 0, new FlaggerCanary.Analysis("1m", 5, 50, 10, List.of(), 0), List.of(), List.of(), ""),
                CanaryPodLabel.of(Map.of("app", "api")).orElseThrow(), EngineEvidence.INTERVAL);
        ClusterCache cache = new ClusterCache(client);
        try (EngineEvidence evidence = EngineEvidence.open(client, cache, MetricSources.standard(),
                     () -> EnginePrometheus.ofCanary(client, "bare", "api"))) {
            Evidence collected = evidence.collect(target, Instant.now());

            assertThat(evidence.describe()).isEmpty();
            assertThat(collected.samples()).isEmpty();
            assertThat(collected.sourceErrors()).first().asString().startsWith("No request metrics: no AnalysisTemplate "
                    + "or MetricTemplate in this namespace names a Prometheus");
        }
    }

    private static void create(ResourceDefinitionContext type, String namespace, String yaml) {
        client.genericKubernetesResources(type).inNamespace(namespace).resource(client.getKubernetesSerialization()
                .unmarshal(yaml, GenericKubernetesResource.class)).create();
    }
}
