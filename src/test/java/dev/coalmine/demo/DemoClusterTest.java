package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoClusterTest {

    @Test
    void seedsTheNamespacesAndASmallShop() {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            KubernetesClient client = cluster.client();
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .contains("default", "kube-system", "coalmine-demo");
            Deployment frontend = client.apps().deployments().inNamespace("default").withName("shop-frontend").get();
            assertThat(frontend.getSpec().getReplicas()).isEqualTo(4);
            assertThat(frontend.getMetadata().getLabels()).containsEntry("app", "shop-frontend");
            assertThat(frontend.getMetadata().getGeneration()).isEqualTo(1L);
            assertThat(frontend.getMetadata().getUid()).isNotBlank();
            assertThat(frontend.getMetadata().getCreationTimestamp()).isNotBlank();
            var container = frontend.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("registry.example.com/shop/frontend:1.3.0");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
            assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("shop-frontend-config");
            assertThat(client.configMaps().inNamespace("default").withName("shop-frontend-config").get()).isNotNull();
            assertThat(client.apps().deployments().inNamespace("default").withName("shop-api").get()
                    .getSpec().getReplicas()).isEqualTo(2);
            assertThat(client.services().inNamespace("default").list().getItems())
                    .extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder("shop-frontend", "shop-api");
        }
    }

    @Test
    void anEmptyClusterHasOnlyItsNamespaces() {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            assertThat(cluster.client().apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
            assertThat(cluster.client().namespaces().list().getItems()).extracting(Namespace::getMetadata)
                    .extracting(m -> m.getName()).contains("default", "kube-system", "coalmine-demo");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            int port = cluster.port();
            assertThat(cluster.apiServerUrl()).isEqualTo("https://127.0.0.1:" + port);
            // The kernel's own table of listening sockets: bound to 127.0.0.1 (Java may list it as the IPv6-mapped
            // ::ffff:127.0.0.1 in tcp6), never to 0.0.0.0 or [::].
            String hexPort = String.format(Locale.ROOT, ":%04X", port);
            List<String> listeners = listeningSockets(hexPort);
            assertThat(listeners).as("listening sockets on port %d", port).isNotEmpty()
                    .allSatisfy(local -> assertThat(local).isIn("0100007F" + hexPort,
                            "0000000000000000FFFF00000100007F" + hexPort));
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                assertThat(loopback.isConnected()).isTrue();
            }
            for (InetAddress address : nonLoopbackAddresses()) {
                try (Socket outside = new Socket()) {
                    assertThatThrownBy(() -> outside.connect(new InetSocketAddress(address, port), 5000))
                            .as("connecting via %s", address).isInstanceOf(ConnectException.class);
                }
            }
        }
    }

    private static List<String> listeningSockets(String hexPort) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // state 0A = LISTEN
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address)
                        .forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void startsComponentsAfterSeedingAndClosesThemInReverseOrder() {
        List<String> journal = Collections.synchronizedList(new ArrayList<>());
        RecordingComponent first = new RecordingComponent("first", journal);
        RecordingComponent metrics = new MetricsComponent("metrics", journal);
        DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().withComponent(first).withComponent(metrics));
        try {
            assertThat(journal).containsExactly("first saw shop-frontend", "metrics saw shop-frontend");
            assertThat(cluster.metricsUrl()).contains("http://127.0.0.1:1/metrics");
        } finally {
            cluster.close();
        }
        assertThat(journal).endsWith("metrics closed", "first closed");
        try (DemoCluster withoutMetrics = DemoCluster.start(DemoOptions.defaults().empty().withComponent(first))) {
            assertThat(withoutMetrics.metricsUrl()).isEmpty();
            assertThat(journal).last().isEqualTo("first saw nothing");
        }
    }

    private static final class MetricsComponent extends RecordingComponent implements MetricsEndpoint {
        MetricsComponent(String name, List<String> journal) {
            super(name, journal);
        }

        @Override
        public String metricsUrl() {
            return "http://127.0.0.1:1/metrics";
        }
    }

    private static class RecordingComponent implements DemoComponent {
        final String name;
        final List<String> journal;

        RecordingComponent(String name, List<String> journal) {
            this.name = name;
            this.journal = journal;
        }

        @Override
        public void start(KubernetesClient client) {
            Deployment seeded = client.apps().deployments().inNamespace("default").withName("shop-frontend").get();
            journal.add(name + (seeded == null ? " saw nothing" : " saw shop-frontend"));
        }

        @Override
        public void close() {
            journal.add(name + " closed");
        }
    }

    @Test
    void writesAKubeconfigThatClientsCanUse(@TempDir Path dir) throws IOException {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            Path file = dir.resolve("nested/demo.kubeconfig");
            cluster.writeKubeconfig(file);
            Config config = Config.fromKubeconfig(Files.readString(file));
            assertThat(config.getCurrentContext().getName()).isEqualTo("coalmine-demo");
            assertThat(config.getCurrentContext().getContext().getCluster()).isEqualTo("coalmine-demo");
            assertThat(config.getCurrentContext().getContext().getUser()).isEqualTo("coalmine-demo");
            assertThat(config.getNamespace()).isEqualTo("default");
            assertThat(config.getMasterUrl()).startsWith(cluster.apiServerUrl());
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                assertThat(client.namespaces().withName("coalmine-demo").get()).isNotNull();
            }
        }
    }

    @Test
    void servesPodLogsFromTheLogSource() {
        PodLogSource source = (pod, container, from, to) -> List.of(
                new PodLogSource.LogLine(Instant.parse("2026-01-01T00:00:00Z"), "one " + container),
                new PodLogSource.LogLine(Instant.parse("2026-01-01T00:00:01Z"), "two " + pod.getMetadata().getName()));
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty().withLogSource(source))) {
            cluster.client().pods().inNamespace("default").resource(new PodBuilder().withNewMetadata()
                    .withName("web-1").endMetadata().withNewSpec().addNewContainer().withName("web")
                    .withImage("nginx:1.27").endContainer().endSpec().build()).create();
            var pod = cluster.client().pods().inNamespace("default").withName("web-1");
            assertThat(pod.getLog()).isEqualTo("one web\ntwo web-1\n");
            assertThat(pod.tailingLines(1).getLog()).isEqualTo("two web-1\n");
            assertThat(pod.inContainer("web").usingTimestamps().getLog())
                    .startsWith("2026-01-01T00:00:00Z one web\n");
        }
    }

    @Test
    void defaultLogsLookLikeAnAccessLog() {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            cluster.client().pods().inNamespace("default").resource(new PodBuilder().withNewMetadata()
                    .withName("shop-1").endMetadata().withNewSpec().addNewContainer().withName("shop")
                    .withImage("registry.example.com/shop:1.0").endContainer().endSpec().build()).create();
            var pod = cluster.client().pods().inNamespace("default").withName("shop-1");
            Await.until("the pod has logged a request", java.time.Duration.ofSeconds(30),
                    () -> pod.getLog().contains("HTTP/1.1"));
            assertThat(pod.getLog()).startsWith("starting registry.example.com/shop:1.0 in pod shop-1\n")
                    .containsPattern("\"GET /\\S* HTTP/1.1\" \\d{3} ");
        }
    }
}
