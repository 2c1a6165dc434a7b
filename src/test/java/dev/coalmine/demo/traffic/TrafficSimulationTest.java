package dev.coalmine.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coalmine.demo.sim.Await;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.Manifests;
import dev.coalmine.demo.sim.EmptyDemoCluster;
import dev.coalmine.demo.sim.SimulationSettings;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrafficSimulationTest {
    private static final Predicate<Map<String, String>> CANARY = l -> "canary".equals(l.get("track"));
    private static final Predicate<Map<String, String>> STABLE = l -> "stable".equals(l.get("track"));

    private EmptyDemoCluster server;
    private KubernetesClient client;
    private ClusterSimulation cluster;
    private TrafficSimulation traffic;

    @BeforeEach
    void start() {
        server = new EmptyDemoCluster();
        client = server.client();
        cluster = new ClusterSimulation(SimulationSettings.fast());
        cluster.start(client);
        traffic = new TrafficSimulation(TrafficSettings.fast());
        traffic.start(client);
        client.resource(Manifests.deployment("web", 2, "registry.example/web:1.0", Map.of("app", "web")).build()).create();
        client.resource(Manifests.deployment("web-canary", 2, "registry.example/web:1.1-faulty",
                Map.of("app", "web", "coalmine.dev/track", "canary")).build()).create();
        client.resource(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withSelector(Map.of("app", "web")).addNewPort().withPort(80).endPort().endSpec().build()).create();
        Await.until("four ready pods serving", () -> Scrape.of(traffic.metricsUrl()).samples("http_requests_total").stream()
                .filter(s -> s.value() > 0).map(s -> s.labels().get("pod")).distinct().count() == 4);
    }

    @AfterEach
    void stop() {
        traffic.close();
        cluster.close();
        server.close();
    }

    @Test
    void aFaultyImageServesAboutTenPercentErrorsAndAHealthyOneAlmostNone() {
        traffic.knobs().setRequestsPerSecond(4000);
        Await.until("5000 requests on each track", () -> {
            Scrape scrape = Scrape.of(traffic.metricsUrl());
            return scrape.sum("http_requests_total", CANARY) >= 5000 && scrape.sum("http_requests_total", STABLE) >= 5000;
        });
        Scrape scrape = Scrape.of(traffic.metricsUrl());

        assertThat(errorRatio(scrape, CANARY)).isBetween(0.07, 0.13);
        assertThat(errorRatio(scrape, STABLE)).isLessThan(0.01);
        assertThat(scrape.samples("http_requests_total")).allSatisfy(s -> {
            // The pod's own labels follow, named as Prometheus's labelmap names them.
            assertThat(s.labels()).containsKeys("namespace", "pod", "deployment", "track", "code", "pod_template_hash")
                    .containsEntry("app", "web");
            assertThat(s.labels().get("namespace")).isEqualTo("default");
            assertThat(s.labels().get("deployment")).isEqualTo("canary".equals(s.labels().get("track")) ? "web-canary" : "web");
            assertThat(s.labels().get("pod")).startsWith(s.labels().get("deployment") + "-");
        });
        double meanStable = scrape.sum("http_request_duration_seconds_sum", STABLE)
                / scrape.sum("http_request_duration_seconds_count", STABLE);
        assertThat(meanStable).isBetween(0.040, 0.070);
        assertThat(traffic.podUsage()).hasSize(4).allSatisfy(u -> {
            assertThat(u.cpuMillicores()).isPositive();
            assertThat(u.memoryBytes()).isGreaterThan(32L * 1024 * 1024);
            assertThat(u.container()).isEqualTo("app");
        });
        var metrics = traffic.podMetrics("default");
        assertThat(metrics.getItems()).hasSize(4).allSatisfy(m -> {
            assertThat(m.getContainers()).singleElement().satisfies(c -> {
                assertThat(c.getUsage().get("cpu").getFormat()).isEqualTo("m");
                assertThat(c.getUsage().get("memory").getFormat()).isEqualTo("Ki");
            });
        });
        // fabric8 writes the window in nanoseconds, which Go's time.ParseDuration (kubectl) reads as 1s
        assertThat(io.fabric8.kubernetes.client.utils.Serialization.asJson(metrics)).contains("\"window\":\"1000000000ns\"");
        assertThat(traffic.podMetrics("elsewhere").getItems()).isEmpty();
        Await.until("PodMetrics and NodeMetrics objects in the store, as kubectl top reads them", () ->
                client.top().pods().metrics("default").getItems().size() == 4
                        && client.top().nodes().metrics().getItems().size() == 3);
        assertThat(client.top().pods().metrics("default").getItems()).allSatisfy(m ->
                assertThat(m.getContainers().get(0).getUsage().get("cpu").getAmount()).isNotEmpty());
    }

    @Test
    void theConfigMapKnobChangesErrorRateAndLatencyLive() {
        traffic.knobs().setRequestsPerSecond(4000);
        client.configMaps().inNamespace("coalmine-demo").withName("coalmine-demo").edit(cm -> {
            cm.getData().put("image.faulty.error-rate", "0.5");
            cm.getData().put("image.faulty.latency-ms", "300");
            return cm;
        });
        Await.until("the traffic simulation to apply the knobs", () ->
                traffic.appliedKnobs().behaviourOf("registry.example/web:1.1-faulty").errorRate() == 0.5);
        Scrape before = Scrape.of(traffic.metricsUrl());
        Await.until("5000 more canary requests", () ->
                Scrape.of(traffic.metricsUrl()).sum("http_requests_total", CANARY) - before.sum("http_requests_total", CANARY) >= 5000);
        Scrape after = Scrape.of(traffic.metricsUrl());

        double requests = after.sum("http_requests_total", CANARY) - before.sum("http_requests_total", CANARY);
        double errors = after.sum("http_requests_total", CANARY.and(l -> l.get("code").startsWith("5")))
                - before.sum("http_requests_total", CANARY.and(l -> l.get("code").startsWith("5")));
        assertThat(errors / requests).isCloseTo(0.5, within(0.05));
        double seconds = after.sum("http_request_duration_seconds_sum", CANARY) - before.sum("http_request_duration_seconds_sum", CANARY);
        double count = after.sum("http_request_duration_seconds_count", CANARY) - before.sum("http_request_duration_seconds_count", CANARY);
        assertThat(seconds / count).isBetween(0.25, 0.40);
        assertThat(errorRatio(after, STABLE)).isLessThan(0.01);

        traffic.knobs().clear("faulty");
        Await.until("the override to be gone", () ->
                traffic.appliedKnobs().behaviourOf("registry.example/web:1.1-faulty").errorRate() == 0.10);
    }

    @Test
    void theExpositionIsValidPrometheusText() throws Exception {
        Scrape scrape = Scrape.of(traffic.metricsUrl());
        assertThat(scrape.contentType).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.types).containsEntry("http_requests_total", "counter")
                .containsEntry("http_request_duration_seconds", "histogram");
        for (String pod : scrape.samples("http_request_duration_seconds_count").stream().map(s -> s.labels().get("pod")).toList()) {
            List<Scrape.Sample> buckets = scrape.samples("http_request_duration_seconds_bucket").stream()
                    .filter(s -> pod.equals(s.labels().get("pod"))).toList();
            assertThat(buckets).hasSize(PodTraffic.BUCKETS.length + 1);
            assertThat(buckets.get(buckets.size() - 1).labels()).containsEntry("le", "+Inf");
            for (int i = 1; i < buckets.size(); i++) {
                assertThat(buckets.get(i).value()).isGreaterThanOrEqualTo(buckets.get(i - 1).value());
            }
            assertThat(buckets.get(buckets.size() - 1).value())
                    .isEqualTo(scrape.sum("http_request_duration_seconds_count", l -> pod.equals(l.get("pod"))));
        }
        Optional<Path> promtool = promtool();
        Assumptions.assumeTrue(promtool.isPresent(), "promtool not installed; the strict parser above still ran");
        Path file = Files.createTempFile("metrics", ".prom");
        Files.writeString(file, scrape.body);
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as(output).isZero();
        Files.delete(file);
    }

    @Test
    void theMetricsEndpointListensOnLoopbackOnly() throws IOException {
        URI url = URI.create(traffic.metricsUrl());
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort())) {
            assertThat(socket.isConnected()).isTrue();
        }
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        Assumptions.assumeTrue(external.isPresent(), "no non-loopback address to try");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external.get(), url.getPort()), 2000);
            throw new AssertionError("the metrics endpoint answered on " + external.get());
        } catch (IOException expected) {
            assertThat(expected).isNotNull();
        }
    }

    private static double errorRatio(Scrape scrape, Predicate<Map<String, String>> track) {
        double all = scrape.sum("http_requests_total", track);
        double errors = scrape.sum("http_requests_total", track.and(l -> l.get("code").startsWith("5")));
        return errors / all;
    }

    private static Optional<Path> promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path direct = Path.of(dir, "promtool");
            if (Files.isExecutable(direct)) {
                return Optional.of(direct);
            }
            Path prometheus = Path.of(dir, "prometheus");
            try {
                if (Files.isExecutable(prometheus)) {
                    Path sibling = prometheus.toRealPath().resolveSibling("promtool");
                    if (Files.isExecutable(sibling)) {
                        return Optional.of(sibling);
                    }
                }
            } catch (IOException e) {
                // not resolvable: keep looking
            }
        }
        return Optional.empty();
    }

}
