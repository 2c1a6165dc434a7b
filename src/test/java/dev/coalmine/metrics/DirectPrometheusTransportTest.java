package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.coalmine.core.judge.Track;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct transport's authentication and failure messages, against HTTP servers on 127.0.0.1 that guard
 * a Prometheus-shaped answer (the real Prometheus has no bearer-token check of its own).
 */
class DirectPrometheusTransportTest {
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{},\"value\":[1767225600.5,\"99.5\"]}]}}";
    private static final MetricTarget SHOP = new MetricTarget("shop-ns", "shop", Duration.ofSeconds(30));
    private final List<String> seenAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> seenPaths = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void startGuardedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prom/api/v1/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seenAuthorizations.add(String.valueOf(authorization));
            seenPaths.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            boolean allowed = "Bearer s3cret-token".equals(authorization) || "Basic YWxpY2U6cEBzcw==".equals(authorization);
            byte[] body = (allowed ? VECTOR : "Unauthorized\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/prom";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aBearerTokenIsSentAndTheValueParsed() {
        PrometheusSource source = PrometheusSource.direct(url + "/", PrometheusAuth.bearer("s3cret-token"), Duration.ofSeconds(5),
                QueryPreset.ISTIO.queries());

        Map<Track, Double> rates = source.instant(SHOP, "success rate", Instant.parse("2026-01-01T00:00:00.5Z"));

        assertThat(rates).containsEntry(Track.CANARY, 99.5);
        assertThat(seenAuthorizations).allMatch("Bearer s3cret-token"::equals);
        assertThat(seenPaths.get(0)).startsWith("/prom/api/v1/query?query=sum%28rate%28istio_requests_total%7B").endsWith("&time=1767225600.500");
        assertThat(source.describe()).isEqualTo("Prometheus at " + url);
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndAreNeverShown() {
        String withCredentials = url.replace("http://", "http://alice:p%40ss@");
        PrometheusSource source = PrometheusSource.direct(withCredentials, PrometheusAuth.none(), Duration.ofSeconds(5),
                QueryPreset.DEMO.queries());

        assertThat(source.instant(SHOP, "latency", Instant.now())).containsEntry(Track.STABLE, 99.5);
        assertThat(seenAuthorizations).allMatch("Basic YWxpY2U6cEBzcw=="::equals);
        assertThat(source.describe()).isEqualTo("Prometheus at " + url).doesNotContain("alice");
    }

    @Test
    void aRefusedTokenIsExplainedWithoutShowingIt() {
        PrometheusSource source = PrometheusSource.direct(url, PrometheusAuth.bearer("wrong-token"), Duration.ofSeconds(5),
                QueryPreset.DEMO.queries());

        assertThatThrownBy(() -> source.instant(SHOP, "success rate", Instant.now()))
                .isInstanceOf(PrometheusUnreachableException.class)
                .hasMessage("Prometheus at " + url + " refused access (HTTP 401). Check the bearer token or user and password given for Prometheus.")
                .hasMessageNotContaining("wrong-token");
        assertThat(PrometheusAuth.bearer("wrong-token").toString()).doesNotContain("wrong-token");
        assertThat(PrometheusAuth.basic("alice", "p@ss").toString()).doesNotContain("p@ss");
    }

    @Test
    void somethingThatIsNotPrometheusIsNamed() {
        PrometheusSource source = PrometheusSource.direct(url.replace("/prom", "/graph"), PrometheusAuth.none(), Duration.ofSeconds(5),
                QueryPreset.DEMO.queries());

        assertThatThrownBy(() -> source.instant(SHOP, "success rate", Instant.now()))
                .isInstanceOf(PrometheusUnreachableException.class)
                .hasMessageContaining("answered HTTP 404 with something that is not Prometheus's JSON")
                .hasMessageContaining("Is this Prometheus's base URL");
    }

    @Test
    void aPrometheusThatNeverAnswersTimesOutWithAClearMessage() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String silentUrl = "http://127.0.0.1:" + silent.getLocalPort();
            PrometheusSource source = PrometheusSource.direct(silentUrl, PrometheusAuth.none(), Duration.ofSeconds(1),
                    QueryPreset.DEMO.queries());

            assertThatThrownBy(() -> source.instant(SHOP, "success rate", Instant.now()))
                    .isInstanceOf(PrometheusUnreachableException.class)
                    .hasMessage("Prometheus at " + silentUrl + " did not answer within 1 s. Check that it is up and not overloaded,"
                            + " or query a shorter window.");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedNotIgnored(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "prometheus", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        https.start();
        try {
            String httpsUrl = "https://127.0.0.1:" + https.getAddress().getPort();
            PrometheusSource source = PrometheusSource.direct(httpsUrl, PrometheusAuth.bearer("s3cret-token"), Duration.ofSeconds(10),
                    QueryPreset.DEMO.queries());

            assertThatThrownBy(() -> source.instant(SHOP, "success rate", Instant.now()))
                    .isInstanceOf(PrometheusUnreachableException.class)
                    .hasMessageStartingWith("TLS with Prometheus at " + httpsUrl + " failed (")
                    .hasMessageContaining("must be trusted by Java's trust store")
                    .hasMessageNotContaining("s3cret-token");
        } finally {
            https.stop(0);
        }
    }

    @Test
    void aRedirectToAnotherHostGetsNoCredentialsAndTheAnswerNamesThatHost() throws IOException {
        List<String> elsewhereSaw = new CopyOnWriteArrayList<>();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            elsewhereSaw.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        elsewhere.start();
        // 127.0.0.1 and localhost are different hosts to a browser and to this rule, though both are loopback
        String elsewhereOrigin = "http://localhost:" + elsewhere.getAddress().getPort();
        server.createContext("/moved/", exchange -> {
            exchange.getResponseHeaders().add("Location", elsewhereOrigin + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        try {
            String movedUrl = url.replace("/prom", "/moved");
            PrometheusSource source = PrometheusSource.direct(movedUrl, PrometheusAuth.bearer("s3cret-token"), Duration.ofSeconds(5),
                    QueryPreset.DEMO.queries());

            assertThatThrownBy(() -> source.instant(SHOP, "success rate", Instant.now()))
                    .isInstanceOf(PrometheusUnreachableException.class)
                    .hasMessageStartingWith(elsewhereOrigin + " (where Prometheus at " + movedUrl
                            + " redirected; credentials are not sent to another host) refused access (HTTP 401)")
                    .hasMessageNotContaining("s3cret-token");
            assertThat(elsewhereSaw).isNotEmpty().allMatch("null"::equals);
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aRedirectOnTheSameHostKeepsTheCredentials() {
        server.createContext("/old/", exchange -> {
            exchange.getResponseHeaders().add("Location", exchange.getRequestURI().toString().replace("/old/", "/prom/"));
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        PrometheusSource source = PrometheusSource.direct(url.replace("/prom", "/old"), PrometheusAuth.bearer("s3cret-token"),
                Duration.ofSeconds(5), QueryPreset.DEMO.queries());

        assertThat(source.instant(SHOP, "success rate", Instant.now())).containsEntry(Track.CANARY, 99.5);
        assertThat(seenAuthorizations).isNotEmpty().allMatch("Bearer s3cret-token"::equals);
    }

    @Test
    void badUrlsAreRefusedWithAnExample() {
        assertThatThrownBy(() -> DirectPrometheusTransport.of("localhost:9090", PrometheusAuth.none(), Duration.ofSeconds(1)))
                .isInstanceOf(MetricSourceException.class)
                .hasMessage("'localhost:9090' is not an http(s) URL: give Prometheus's base URL, e.g. http://localhost:9090.");
        assertThatThrownBy(() -> DirectPrometheusTransport.of("ftp://bob:hunter2@host/", PrometheusAuth.none(), Duration.ofSeconds(1)))
                .hasMessageNotContaining("hunter2");
    }
}
