package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.server.ApiFault;
import dev.coalmine.demo.server.FaultLog;
import dev.coalmine.demo.server.FaultSettings;
import dev.coalmine.testing.DemoHttp;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code coalmine demo --fault-rate}: every kind of fault reaches a client over HTTP as a real API server (or a
 * broken connection) would answer, and a trainer's ConfigMap knob changes the rate while the demo runs.
 */
class ApiFaultsTest {
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
    private static final String SHOP = "/api/v1/namespaces/default/configmaps/shop-frontend-config";

    /** What came back: the raw answer (empty for a closed connection) and how long it took. */
    private record Answer(String text, Duration took) {
        int status() {
            return text.isEmpty() ? -1 : Integer.parseInt(text.substring(9, 12));
        }
    }

    @Test
    void everyFaultKindReachesAClientAsARealServerWouldAnswer() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withFaults(new FaultSettings(100, 20261206)))) {
            Set<ApiFault> seen = EnumSet.noneOf(ApiFault.class);
            List<String[]> shapes = List.of(new String[] {"GET", CONFIG_MAPS + "?watch=true&timeoutSeconds=1", ""},
                    new String[] {"PUT", SHOP, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                            + "{\"name\":\"shop-frontend-config\",\"namespace\":\"default\"},"
                            + "\"data\":{\"LOG_LEVEL\":\"debug\"}}"},
                    new String[] {"GET", CONFIG_MAPS, ""});
            for (int i = 0; i < 60 && seen.size() < ApiFault.values().length; i++) {
                String[] shape = shapes.get(i % shapes.size());
                int before = cluster.faults().recent().size();
                Answer answer = send(cluster, shape[0], shape[1], shape[2]);
                List<FaultLog.Injected> injected = cluster.faults().recent();
                assertThat(injected).as("every request is faulted at 100 %").hasSize(before + 1);
                ApiFault fault = injected.get(before).fault();
                assertAnsweredAs(fault, shape[0], answer);
                seen.add(fault);
            }
            assertThat(seen).containsExactlyInAnyOrder(ApiFault.values());
            boolean delayedWrite = cluster.faults().recent().stream()
                    .anyMatch(f -> f.fault() == ApiFault.DELAY && f.method().equals("PUT"));
            if (!delayedWrite) {
                assertThat(cluster.client().configMaps().inNamespace("default").withName("shop-frontend-config").get()
                        .getData()).as("a faulted write never reaches the store").doesNotContainEntry("LOG_LEVEL",
                        "debug");
            }
        }
    }

    private static void assertAnsweredAs(ApiFault fault, String method, Answer answer) {
        String text = answer.text();
        switch (fault) {
            case SERVER_ERROR -> assertThat(answer.status()).isEqualTo(500);
            case CONFLICT -> {
                assertThat(method).isEqualTo("PUT");
                assertThat(answer.status()).isEqualTo(409);
                assertThat(text).contains("\"reason\":\"Conflict\"");
            }
            case TOO_MANY_REQUESTS -> {
                assertThat(answer.status()).isEqualTo(429);
                assertThat(text).containsIgnoringCase("Retry-After: 1");
            }
            case WATCH_EXPIRED -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(text).contains("\"type\":\"ERROR\"", "\"code\":410", "\"reason\":\"Expired\"");
            }
            case CONNECTION_RESET -> assertThat(text).as("no answer on a reset connection").isEmpty();
            case DELAY -> {
                assertThat(answer.took()).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
                assertThat(answer.status()).as("answered normally, late").isEqualTo(200);
                assertThat(text).doesNotContain("injected by the demo cluster");
            }
        }
    }

    @Test
    void aTrainerTurnsFaultsOnAndOffInTheKnobsConfigMap() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            assertThat(send(cluster, "GET", CONFIG_MAPS, "").status()).isEqualTo(200);
            knob(cluster, "100");
            Eventually.assertThat(Duration.ofSeconds(10), () -> {
                try {
                    send(cluster, "GET", CONFIG_MAPS, "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertThat(cluster.faults().total()).isPositive();
            });
            knob(cluster, "0");
            Thread.sleep(1_200);
            long faulted = cluster.faults().total();
            for (int i = 0; i < 20; i++) {
                assertThat(send(cluster, "GET", CONFIG_MAPS, "").status()).isEqualTo(200);
            }
            assertThat(cluster.faults().total()).isEqualTo(faulted);
        }
    }

    private static void knob(DemoCluster cluster, String percent) {
        cluster.client().configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("coalmine-demo").withNamespace("coalmine-demo").endMetadata()
                .withData(Map.of(FaultSettings.KNOB, percent)).build()).createOr(existing -> existing.update());
    }

    /** One request on its own connection, read to its end (java.net.http would retry a reset GET by itself). */
    static Answer send(DemoCluster cluster, String method, String path, String body) throws IOException {
        DemoHttp http = DemoHttp.of(cluster);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "User-Agent: api-faults-test\r\nAuthorization: " + http.authorization() + "\r\n"
                + (method.equals("PUT") ? "Content-Type: application/json\r\n" : "")
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        long start = System.nanoTime();
        try (Socket socket = http.socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String text;
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException reset) {
                // a reset TCP connection, or a TLS session cut without its close_notify
                text = "";
            }
            return new Answer(text, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
