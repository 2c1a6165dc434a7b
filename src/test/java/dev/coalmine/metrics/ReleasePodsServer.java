package dev.coalmine.metrics;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * A fabric8 mock API server (CRUD store plus expectations, for metrics.k8s.io) holding one release of {@code shop}
 * in {@link #NS}: a stable pod with and one without the track label, a crash-looping (once OOM-killed) and a
 * running canary pod, and an unrelated {@code web} pod. It records every request, so tests can tell what was asked.
 */
final class ReleasePodsServer implements AutoCloseable {
    static final String NS = "shop-ns";
    static final String STABLE_POD = "shop-7d9f-aaaaa";
    static final String CRASHING_CANARY_POD = "shop-canary-5b7c-ccccc";
    static final String RUNNING_CANARY_POD = "shop-canary-5b7c-ddddd";
    static final String UNRELATED_POD = "web-1234-eeeee";
    private static final String POD_METRICS_PATH = "/apis/metrics.k8s.io/v1beta1/namespaces/" + NS + "/pods";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    ReleasePodsServer() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        create(deployment("shop", Map.of("app", "shop")));
        create(deployment("shop-canary", Map.of("app", "shop", "coalmine.dev/track", "canary")));
        create(pod(STABLE_POD, Map.of("app", "shop"), true, running(0)));
        create(pod("shop-7d9f-bbbbb", Map.of("app", "shop", "coalmine.dev/track", "stable"), true, running(0)));
        create(pod(CRASHING_CANARY_POD, Map.of("app", "shop", "coalmine.dev/track", "canary"), false, crashLoopingAfterOom(3)));
        create(pod(RUNNING_CANARY_POD, Map.of("app", "shop", "coalmine.dev/track", "canary"), true, running(1)));
        create(pod(UNRELATED_POD, Map.of("app", "web"), true, running(7)));
    }

    KubernetesClient client() {
        return client;
    }

    /** Serves metrics.k8s.io PodMetrics for the namespace, as metrics-server would. */
    void serveUsage(PodMetrics... pods) {
        server.expect().get().withPath(POD_METRICS_PATH)
                .andReturn(200, new PodMetricsListBuilder().addToItems(pods).build()).always();
    }

    /** Answers the PodMetrics list with {@code code}, as an API server without metrics-server does. */
    void refuseUsage(int code) {
        server.expect().get().withPath(POD_METRICS_PATH)
                .andReturn(code, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\","
                        + "\"code\":" + code + "}").always();
    }

    static PodMetrics podMetrics(String pod, String cpu, String memory) {
        return new PodMetricsBuilder().withNewMetadata().withName(pod).withNamespace(NS).endMetadata()
                .addNewContainer().withName("app").withUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endContainer().build();
    }

    /** The paths requested since the last call (the set-up's own requests included on the first call). */
    List<String> takeRequestedPaths() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
                r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            paths.add(r.getPath());
        }
        return paths;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
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
}
