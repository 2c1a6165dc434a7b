package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.demo.sim.Await;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import com.sun.net.httpserver.HttpServer;
import dev.coalmine.metrics.PrometheusService;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import dev.coalmine.metrics.PrometheusTransport;
import dev.coalmine.metrics.ServiceProxyTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the simulated demo cluster, with manifests as real sample apps write them. */
class DemoClusterFidelityTest {
    @TempDir
    static Path dir;

    private static DemoCluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().withComponents(
                // Init containers run long enough for every state to be written even when the machine is busy.
                SimulatedComponents.of(SimulationSettings.fast().withInitRun(Duration.ofSeconds(2)),
                        TrafficSettings.fast())));
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        kubectl = new Kubectl(kubeconfig);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void describeShowsGrpcProbesWithTheServersDefaults() {
        apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: grpc-shop, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: grpc-shop}}
                  template:
                    metadata: {labels: {app: grpc-shop}}
                    spec:
                      containers:
                      - name: server
                        image: registry.example.com/shop/grpc:1.0.0
                        ports: [{containerPort: 9090}]
                        readinessProbe: {grpc: {port: 9090}}
                        livenessProbe: {grpc: {port: 9090}, initialDelaySeconds: 5}
                """);
        assertThat(kubectl.run("describe", "deploy", "grpc-shop").ok().out())
                .contains("Readiness:", "grpc <pod>:9090  delay=0s timeout=1s period=10s #success=1 #failure=3");
        Await.until("a grpc-shop pod", () -> !kubectl.run("get", "pods", "-l", "app=grpc-shop", "-o", "name").ok()
                .out().isBlank());
        assertThat(kubectl.run("describe", "pod", "-l", "app=grpc-shop").ok().out())
                .contains("Liveness:", "grpc <pod>:9090  delay=5s timeout=1s period=10s #success=1 #failure=3");
        apply("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: grpc-report, namespace: default}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                          - name: report
                            image: registry.example.com/shop/report:1.0.0
                            livenessProbe: {grpc: {port: 9090}}
                """);
        assertThat(kubectl.run("describe", "cronjob", "grpc-report").ok().out()).contains("grpc <pod>:9090");
    }

    @Test
    void newNamespacesGetADefaultServiceAccount() {
        kubectl.run("create", "namespace", "fresh").ok();
        assertThat(kubectl.run("get", "serviceaccount", "default", "-n", "fresh", "-o", "name").ok().out().trim())
                .isEqualTo("serviceaccount/default");
    }

    @Test
    void listsAreSortedByName() {
        kubectl.run("create", "namespace", "sorted").ok();
        for (String name : List.of("zeta", "alpha", "mike", "bravo")) {
            kubectl.run("create", "configmap", name, "-n", "sorted").ok();
        }
        assertThat(kubectl.run("get", "configmaps", "-n", "sorted", "-o", "name").ok().out().lines().toList())
                .containsExactly("configmap/alpha", "configmap/bravo", "configmap/mike", "configmap/zeta");
    }

    @Test
    void getPrintsKubectlsColumnsForNodesServiceAccountsAndRoles() {
        apply("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: columns}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: reader, namespace: columns}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: pod-reader, namespace: columns}
                rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
                """);
        Await.until("three nodes", () -> kubectl.run("get", "nodes", "-o", "name").ok().out().lines().count() == 3);
        assertThat(kubectl.run("get", "nodes").ok().out())
                .containsPattern("NAME\\s+STATUS\\s+ROLES\\s+AGE\\s+VERSION")
                .containsPattern("demo-node-1\\s+Ready\\s+<none>\\s+\\S+\\s+v1\\.");
        assertThat(kubectl.run("get", "sa", "-n", "columns").ok().out())
                .containsPattern("NAME\\s+SECRETS\\s+AGE").containsPattern("reader\\s+0\\s+\\d+s");
        assertThat(kubectl.run("get", "roles", "-n", "columns").ok().out())
                .containsPattern("NAME\\s+CREATED AT").containsPattern("pod-reader\\s+\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void theServiceProxyForwardsToTheServicesBackend() throws Exception {
        Await.until("the demo's metrics page through the service proxy", () -> kubectl.run("get", "--raw",
                "/api/v1/namespaces/coalmine-demo/services/demo-metrics:80/proxy/metrics").ok().out()
                .contains("http_requests_total{"));
        HttpServer prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        prometheus.createContext("/api/v1/query", exchange -> {
            byte[] answer = ("{\"status\":\"success\",\"query\":\"" + exchange.getRequestURI().getQuery()
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        prometheus.start();
        try {
            apply("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: monitoring}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: prometheus, namespace: monitoring}
                    spec: {ports: [{name: web, port: 9090}]}
                    ---
                    apiVersion: v1
                    kind: Endpoints
                    metadata: {name: prometheus, namespace: monitoring}
                    subsets: [{addresses: [{ip: 127.0.0.1}], ports: [{name: web, port: %d}]}]
                    """.formatted(prometheus.getAddress().getPort()));
            assertThat(kubectl.run("get", "--raw",
                    "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query?query=up").ok().out())
                    .contains("\"status\":\"success\"", "query=up");
            PrometheusTransport.Answer answer = new ServiceProxyTransport(cluster.client(),
                    PrometheusService.parse("monitoring/prometheus:web"), Duration.ofSeconds(10)).get("/api/v1/query?query=up");
            assertThat(answer.status()).isEqualTo(200);
        } finally {
            prometheus.stop(0);
        }
        Kubectl.Result noBackend = kubectl.run("get", "--raw", "/api/v1/namespaces/default/services/shop-api:8080/proxy/");
        assertThat(noBackend.exitCode()).isEqualTo(1);
        assertThat(noBackend.err()).contains("ServiceUnavailable", "no endpoints available for service \"shop-api\"");
    }

    @Test
    void initContainersRunToCompletionBeforeTheContainersStart() throws Exception {
        apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: migrating, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: migrating}}
                  template:
                    metadata: {labels: {app: migrating}}
                    spec:
                      initContainers:
                      - {name: migrate, image: registry.example.com/shop/migrate:1.0.0}
                      containers:
                      - {name: app, image: registry.example.com/shop/app:1.0.0}
                """);
        // Every write of the pod, as a watch delivers it: polling can miss a state that lasts one kubelet tick.
        Set<String> seen = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        try (Watch watch = cluster.client().pods().inNamespace("default").withLabel("app", "migrating")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                        PodStatus status = pod.getStatus();
                        if (status != null && status.getInitContainerStatuses() != null
                                && !status.getInitContainerStatuses().isEmpty()) {
                            seen.add(stateOf(status.getInitContainerStatuses().get(0).getState()) + " "
                                    + stateOf(status.getContainerStatuses().get(0).getState()) + " "
                                    + status.getConditions().stream().filter(c -> c.getType().equals("Initialized"))
                                    .findFirst().orElseThrow().getStatus());
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!seen.contains("Completed running True") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        // Init containers run to completion before the app container starts. (The kubelet may write several of its
        // steps at once, so the states in between are not all required to show.)
        assertThat(seen).containsSubsequence("ContainerCreating PodInitializing False", "Completed running True")
                .noneMatch(state -> state.contains(" running ") && state.endsWith("False"));
        assertThat(seen).allMatch(s -> s.startsWith("Completed") || s.contains("PodInitializing"));
        String pod = kubectl.run("get", "pods", "-l", "app=migrating", "-o", "name").ok().out().trim();
        assertThat(kubectl.run("logs", pod, "-c", "migrate").ok().out())
                .contains("init container migrate running registry.example.com/shop/migrate:1.0.0");
        assertThat(kubectl.run("describe", pod).ok().out()).contains("Init Containers:", "Reason:       Completed");
    }

    @Test
    void aMissingConfigMapVolumeKeepsThePodWaitingUntilTheConfigMapAppears() {
        apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mounting, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: mounting}}
                  template:
                    metadata: {labels: {app: mounting}}
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/shop/app:1.0.0
                        volumeMounts: [{name: config, mountPath: /etc/app}]
                      volumes:
                      - {name: config, configMap: {name: mounting-config}}
                """);
        Await.until("a FailedMount event", () -> kubectl.run("get", "events", "--field-selector", "reason=FailedMount")
                .ok().out().contains("MountVolume.SetUp failed for volume \"config\" : configmap \"mounting-config\" not found"));
        assertThat(kubectl.run("get", "pods", "-l", "app=mounting").ok().out()).contains("ContainerCreating");
        kubectl.run("create", "configmap", "mounting-config", "--from-literal=a=b").ok();
        Await.until("the pod runs", () -> kubectl.run("get", "pods", "-l", "app=mounting").ok().out()
                .contains("Running"));
    }

    @Test
    void aMissingServiceAccountKeepsTheReplicaSetFromCreatingPodsUntilItAppears() {
        apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: accounted, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: accounted}}
                  template:
                    metadata: {labels: {app: accounted}}
                    spec:
                      serviceAccountName: robot
                      containers:
                      - {name: app, image: registry.example.com/shop/app:1.0.0}
                """);
        Await.until("a FailedCreate event", () -> kubectl.run("get", "events", "--field-selector", "reason=FailedCreate")
                .ok().out().contains("error looking up service account default/robot: serviceaccount \"robot\" not found"));
        assertThat(kubectl.run("get", "pods", "-l", "app=accounted", "-o", "name").ok().out()).isBlank();
        Await.until("the ReplicaSet's ReplicaFailure condition", () -> kubectl.run("get", "rs", "-l", "app=accounted",
                "-o", "jsonpath={.items[0].status.conditions[0].type}/{.items[0].status.conditions[0].reason}").ok().out()
                .equals("ReplicaFailure/FailedCreate"));
        kubectl.run("create", "serviceaccount", "robot").ok();
        Await.until("the pod runs", () -> kubectl.run("get", "pods", "-l", "app=accounted").ok().out()
                .contains("Running"));
        assertThat(kubectl.run("get", "rs", "-l", "app=accounted", "-o", "jsonpath={.items[0].status.conditions}")
                .ok().out()).doesNotContain("ReplicaFailure");
    }

    @Test
    void anHpaScalesItsDeploymentFromTheSimulatedCpu() throws Exception {
        apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: busy, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: busy}}
                  template:
                    metadata: {labels: {app: busy}}
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/shop/busy:1.0.0
                        resources: {requests: {cpu: 10m}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: busy, namespace: default}
                spec: {selector: {app: busy}, ports: [{port: 80, targetPort: 8080}]}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: busy, namespace: default}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: busy}
                  minReplicas: 1
                  maxReplicas: 3
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
                """);
        Await.until("the HPA scales busy to its maximum", () -> kubectl.run("get", "hpa", "busy", "-o",
                "jsonpath={.status.desiredReplicas}/{.status.currentReplicas}").ok().out().equals("3/3"));
        assertThat(kubectl.run("get", "deploy", "busy", "-o", "jsonpath={.spec.replicas}").ok().out()).isEqualTo("3");
        JsonNode status = new ObjectMapper().readTree(kubectl.run("get", "hpa", "busy", "-o", "json").ok().out())
                .path("status");
        assertThat(status.path("currentMetrics").path(0).path("resource").path("current").path("averageUtilization")
                .asInt()).isGreaterThan(50);
        assertThat(kubectl.run("get", "hpa", "busy").ok().out())
                .containsPattern("NAME\\s+REFERENCE\\s+TARGETS\\s+MINPODS\\s+MAXPODS\\s+REPLICAS\\s+AGE")
                .containsPattern("busy\\s+Deployment/busy\\s+cpu: \\d+%/50%\\s+1\\s+3\\s+3\\s+");
        assertThat(kubectl.run("get", "events", "--field-selector", "reason=SuccessfulRescale").ok().out())
                .contains("New size: 3; reason: cpu resource utilization (percentage of request) above target");
    }

    private static String stateOf(ContainerState state) {
        if (state.getRunning() != null) {
            return "running";
        }
        return state.getTerminated() != null ? state.getTerminated().getReason() : state.getWaiting().getReason();
    }

    private static void apply(String manifest) {
        kubectl.runWithInput(manifest, 60, "apply", "-f", "-").ok();
    }
}
