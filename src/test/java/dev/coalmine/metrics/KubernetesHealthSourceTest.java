package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Queue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesHealthSourceTest {
    private static final String NS = "shop-ns";
    private KubernetesMockServer server;
    private KubernetesClient client;
    private KubernetesHealthSource source;

    @BeforeEach
    void startCluster() {
        // CRUD store plus expectations (for metrics.k8s.io), over plain HTTP on 127.0.0.1.
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        source = new KubernetesHealthSource(client);
        create(deployment("shop", Map.of("app", "shop")));
        create(deployment("shop-canary", Map.of("app", "shop", "coalmine.dev/track", "canary")));
        create(pod("shop-7d9f-aaaaa", Map.of("app", "shop"), true, running(0)));
        create(pod("shop-7d9f-bbbbb", Map.of("app", "shop", "coalmine.dev/track", "stable"), true, running(0)));
        create(pod("shop-canary-5b7c-ccccc", Map.of("app", "shop", "coalmine.dev/track", "canary"), false, crashLoopingAfterOom(3)));
        create(pod("shop-canary-5b7c-ddddd", Map.of("app", "shop", "coalmine.dev/track", "canary"), true, running(1)));
        create(pod("web-1234-eeeee", Map.of("app", "web"), true, running(7)));
    }

    @AfterEach
    void stopCluster() {
        client.close();
        server.destroy();
    }

    @Test
    void healthIsPerTrackFromPodStatus() {
        Map<Track, TrackHealth> health = source.health(NS, "shop");

        assertThat(health).containsOnlyKeys(Track.STABLE, Track.CANARY);
        TrackHealth stable = health.get(Track.STABLE);
        assertThat(stable.pods()).extracting(PodHealth::pod).containsExactlyInAnyOrder("shop-7d9f-aaaaa", "shop-7d9f-bbbbb");
        assertThat(stable.readyPods()).isEqualTo(2);
        assertThat(stable.restarts()).isZero();
        TrackHealth canary = health.get(Track.CANARY);
        assertThat(canary.pods()).hasSize(2);
        assertThat(canary.readyPods()).isEqualTo(1);
        assertThat(canary.restarts()).isEqualTo(4);
        assertThat(canary.oomKilledPods()).isEqualTo(1);
        assertThat(canary.pods()).filteredOn(p -> p.pod().endsWith("ccccc")).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("CrashLoopBackOff"));
    }

    @Test
    void aReleaseThatDoesNotExistHasNoTracks() {
        assertThat(source.health(NS, "nothing")).isEmpty();
    }

    @Test
    void usageComesFromMetricsK8sIoForTheReleasesPodsOnly() {
        server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/namespaces/" + NS + "/pods")
                .andReturn(200, new PodMetricsListBuilder().addToItems(
                        podMetrics("shop-7d9f-aaaaa", "250m", "64Mi"),
                        podMetrics("shop-canary-5b7c-ccccc", "1500000n", "128974848"),
                        podMetrics("web-1234-eeeee", "2", "1Gi")).build()).always();

        List<PodUsage> usage = source.usage(NS, "shop");

        assertThat(usage).containsExactlyInAnyOrder(
                new PodUsage("shop-7d9f-aaaaa", Track.STABLE, 250.0, 64L * 1024 * 1024),
                new PodUsage("shop-canary-5b7c-ccccc", Track.CANARY, 1.5, 128974848L));
    }

    @Test
    void aClusterWithoutMetricsServerSaysSo() {
        server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/namespaces/" + NS + "/pods")
                .andReturn(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\",\"code\":404}")
                .always();

        assertThatThrownBy(() -> source.usage(NS, "shop"))
                .isInstanceOf(MetricsNotServedException.class)
                .hasMessageStartingWith("The cluster does not serve metrics.k8s.io (HTTP 404)")
                .hasMessageContaining("Install metrics-server");
    }

    private void create(Deployment deployment) {
        client.apps().deployments().inNamespace(NS).resource(deployment).create();
    }

    private void create(Pod pod) {
        client.pods().inNamespace(NS).resource(pod).create();
    }

    private static Deployment deployment(String name, Map<String, String> selector) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(selector).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:1").endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    private static Pod pod(String name, Map<String, String> labels, boolean ready, ContainerStatus container) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withLabels(new HashMap<>(labels)).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:1").endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withContainerStatuses(container).endStatus().build();
    }

    private static ContainerStatus running(int restarts) {
        return new ContainerStatusBuilder().withName("app").withReady(true).withRestartCount(restarts)
                .withNewState().withNewRunning().endRunning().endState().build();
    }

    private static ContainerStatus crashLoopingAfterOom(int restarts) {
        return new ContainerStatusBuilder().withName("app").withReady(false).withRestartCount(restarts)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics podMetrics(String pod, String cpu, String memory) {
        return new PodMetricsBuilder().withNewMetadata().withName(pod).withNamespace(NS).endMetadata()
                .addNewContainer().withName("app").withUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory))).endContainer()
                .build();
    }
}
