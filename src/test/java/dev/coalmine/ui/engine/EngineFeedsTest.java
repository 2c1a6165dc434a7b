package dev.coalmine.ui.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.engines.EngineApis;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.testing.ArgoRollouts;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.FlaggerCanaries;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.argo.OpenArgoRollout;
import dev.coalmine.ui.flagger.OpenFlaggerCanary;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Events and Pod logs tabs of an engine's view are fed as a Coalmine release's are, from the demo cluster's
 * simulated controllers and traffic: for a Rollout the Events about its ReplicaSets and pods and the log lines of the
 * pods its ReplicaSets run, and nothing of a Deployment beside it; for a Canary those of its primary's and its
 * canary's pods. A single-thread executor stands in for the FX thread, and the lists are read on it.
 */
class EngineFeedsTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String NS = "default";
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static ClusterCache cache;
    private static final ExecutorService FX = Executors.newSingleThreadExecutor();
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().empty()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        cache = new ClusterCache(client);
        new TrafficKnobs(client).setRequestsPerSecond(50);
    }

    @AfterAll
    static void stop() {
        FX.shutdownNow();
        BACKGROUND.shutdownNow();
        cluster.close();
    }

    @Test
    void theRolloutViewsEventsAndPodLogsAreItsReplicaSetsAndPods() throws Exception {
        workload("web");
        workload("other");
        client.genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace(NS).resource(client
                .getKubernetesSerialization().unmarshal(ArgoRollouts.ofDeployment("web", 2, """
                        steps: [{setWeight: 50}, {pause: {}}]
                        """), GenericKubernetesResource.class)).create();
        UiThread ui = FX::execute;

        try (OpenArgoRollout open = new OpenArgoRollout(cache, client, MetricSources.standard(), NS, "web", BACKGROUND, ui)) {
            open.open();

            Eventually.assertThat(WAIT, () -> {
                Set<String> rolloutPods = rolloutPods();
                assertThat(rolloutPods).as("pods the Rollout's ReplicaSets run").isNotEmpty();
                List<EventRecord> events = onFx(open.feeds().events().items());
                assertThat(events).as("Events about the Rollout's pods")
                        .anySatisfy(e -> assertThat(rolloutPods).contains(e.object().name()));
                assertThat(events).as("Events about the Rollout's ReplicaSets")
                        .anySatisfy(e -> assertThat(e.object().kind()).isEqualTo("ReplicaSet"));
                List<LogLine> lines = onFx(open.feeds().podLogs().items());
                assertThat(lines).as("log lines of the Rollout's pods")
                        .anySatisfy(line -> assertThat(rolloutPods).contains(line.pod()));
            });
            assertThat(onFx(open.feeds().events().items())).as("nothing about the Deployment beside it")
                    .noneSatisfy(e -> assertThat(e.object().name()).startsWith("other"));
            assertThat(onFx(open.feeds().podLogs().items())).as("only pods of the Rollout's ReplicaSets")
                    .allSatisfy(line -> assertThat(line.pod()).startsWith("web-"))
                    .allSatisfy(line -> assertThat(client.pods().inNamespace(NS).withName(line.pod()).get())
                            .satisfiesAnyOf(pod -> assertThat(pod).isNull(), // replaced since
                                    pod -> assertThat(pod.getMetadata().getLabels())
                                            .containsKey(CachedKind.ROLLOUT_HASH)));
        }
    }

    @Test
    void theCanaryViewsEventsAndPodLogsAreItsPrimarysAndCanarysPods() throws Exception {
        workload("api");
        client.genericKubernetesResources(EngineApis.CANARIES).inNamespace(NS).resource(client
                .getKubernetesSerialization().unmarshal(FlaggerCanaries.FAST_API, GenericKubernetesResource.class)).create();
        UiThread ui = FX::execute;

        try (OpenFlaggerCanary open = new OpenFlaggerCanary(cache, client, MetricSources.standard(), NS, "api", BACKGROUND, ui)) {
            open.open();
            Eventually.assertThat(WAIT, () -> assertThat(onFx(open.feeds().podLogs().items()))
                    .as("log lines of the primary's pods")
                    .anySatisfy(line -> assertThat(line.pod()).startsWith("api-primary-")));
            Eventually.assertThat(WAIT, () -> assertThat(onFx(() -> open.model().snapshotProperty().get().canary()
                    .phase())).isEqualTo("Initialized"));
            // Pods of the target from before Flagger took it over may have logged too; the canary's pods are new.
            Set<String> before = onFx(() -> open.feeds().podLogs().items().stream().map(LogLine::pod)
                    .collect(Collectors.toSet()));
            Eventually.assertThat(WAIT, () -> client.apps().deployments().inNamespace(NS).withName("api").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example.com/shop/api:2.1.0");
                return d;
            }));

            Eventually.assertThat(WAIT, () -> {
                assertThat(onFx(open.feeds().podLogs().items())).as("log lines of the canary's pods")
                        .anySatisfy(line -> assertThat(line.pod()).startsWith("api-").doesNotStartWith("api-primary-")
                                .isNotIn(before));
                assertThat(onFx(open.feeds().events().items())).as("Events about both Deployments' pods")
                        .anySatisfy(e -> assertThat(e.object().name()).startsWith("api-primary-"))
                        .anySatisfy(e -> assertThat(e.object().name()).startsWith("api-")
                                .doesNotStartWith("api-primary-"));
            });
            assertThat(onFx(open.feeds().podLogs().items())).as("only the Canary's pods")
                    .allSatisfy(line -> assertThat(line.pod()).startsWith("api-"));
        }
    }

    private static Set<String> rolloutPods() {
        return client.pods().inNamespace(NS).withLabel(CachedKind.ROLLOUT_HASH).list().getItems().stream()
                .map(Pod::getMetadata).map(m -> m.getName()).collect(Collectors.toSet());
    }

    /** A copy of a live list taken on its UI thread, where it is written. */
    private static <T> List<T> onFx(ObservableList<T> items) {
        return onFx(() -> List.copyOf(items));
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return FX.submit(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the UI thread did not answer", e);
        }
    }

    private static void workload(String name) {
        Deployments.createServed(client, NS, name, 2);
    }
}
