package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.demo.server.FaultSettings;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.DemoHttp;
import dev.coalmine.testing.ReliabilityFigures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo API server serves HTTPS only and answers only requests that carry the bearer token it writes into its
 * kubeconfig: on a shared training machine any local user can reach 127.0.0.1. Its metrics page, which a local
 * Prometheus scrapes, stays open.
 */
class DemoApiServerTokenTest {
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
    private static final String PLANTED = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
            + "{\"name\":\"planted\"},\"data\":{\"by\":\"a stranger\"}}";

    @TempDir
    Path dir;

    @Test
    void aRequestWithoutTheTokenGets401WritesNothingAndIsNeverFaulted() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withFaults(new FaultSettings(100, 20261206)))) {
            DemoHttp http = DemoHttp.of(cluster);
            String otherToken = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
            Map<String, UnaryOperator<HttpRequest.Builder>> credentials = new LinkedHashMap<>();
            credentials.put("no `Authorization` header", request -> request);
            credentials.put("another token of the same length", request -> request.header("Authorization",
                    "Bearer " + otherToken));
            credentials.put("the token with one character more", request -> request.header("Authorization",
                    http.authorization() + "x"));
            credentials.put("the header in lower case", request -> request.header("Authorization",
                    http.authorization().toLowerCase(Locale.ROOT)));
            StringBuilder figure = new StringBuilder("""
                    | requests to the demo API server (HTTPS, fault rate 100 %) | sent | 401 Unauthorized (a `Status`) \
                    | faults drawn | objects written |
                    |---|---|---|---|---|
                    """);
            long refusedBefore = 0;
            for (Map.Entry<String, UnaryOperator<HttpRequest.Builder>> credential : credentials.entrySet()) {
                List<HttpRequest.Builder> requests = List.of(
                        http.anonymous(CONFIG_MAPS + "/shop-frontend-config").GET(),
                        http.anonymous(CONFIG_MAPS).GET(),
                        http.anonymous(CONFIG_MAPS + "?watch=true&timeoutSeconds=5").GET(),
                        http.anonymous(CONFIG_MAPS).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(PLANTED)));
                int unauthorized = 0;
                for (HttpRequest.Builder request : requests) {
                    HttpResponse<String> response = http.send(credential.getValue().apply(request));
                    assertThat(response.statusCode()).as("%s %s", credential.getKey(), response.request())
                            .isEqualTo(401);
                    assertThat(response.body()).contains("\"kind\":\"Status\"", "\"reason\":\"Unauthorized\"",
                            "\"code\":401");
                    unauthorized++;
                }
                long counted = cluster.requests().unauthorized() - refusedBefore;
                refusedBefore += counted;
                boolean written = cluster.client().configMaps().inNamespace("default").withName("planted").get() != null;
                figure.append("| %s (get, list, watch, create) | %d | %d | %d | %d |%n".formatted(credential.getKey(),
                        requests.size(), unauthorized, cluster.faults().total(), written ? 1 : 0));
                assertThat(counted).as("refusals the server counted").isEqualTo(requests.size());
                assertThat(written).isFalse();
            }
            assertThat(cluster.requests().count("Java-http-client")).as("authorised requests of this test").isZero();
            assertThat(cluster.faults().total()).as("faults drawn at 100 %% for refused requests").isZero();
            ReliabilityFigures.record("demo-api-token", figure.toString());
        }
    }

    @Test
    void theTokenOpensEveryKindOfRequest() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            DemoHttp http = DemoHttp.of(cluster);
            assertThat(http.send(http.request(CONFIG_MAPS + "/shop-frontend-config").GET()).statusCode())
                    .isEqualTo(200);
            assertThat(http.send(http.request(CONFIG_MAPS).GET()).statusCode()).isEqualTo(200);
            assertThat(http.send(http.request(CONFIG_MAPS + "?watch=true&timeoutSeconds=1").GET()).statusCode())
                    .isEqualTo(200);
            assertThat(http.send(http.request(CONFIG_MAPS).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(PLANTED))).statusCode()).isEqualTo(201);
            assertThat(cluster.requests().count("Java-http-client")).isEqualTo(4);
            assertThat(cluster.requests().unauthorized()).isZero();
        }
    }

    @Test
    void servesHttpsOnlyWithACertificateClientsMustBeToldToTrust() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            assertThat(cluster.apiServerUrl()).startsWith("https://");
            HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(URI.create(cluster.apiServerUrl()
                    + "/version")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            String plain = cluster.apiServerUrl().replace("https://", "http://") + "/version";
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(URI.create(plain))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("no plain HTTP answer").isInstanceOf(java.io.IOException.class);
            assertThat(cluster.clientConfig().isTrustCerts()).isFalse();
        }
    }

    @Test
    void kubectlGetsInWithTheWrittenKubeconfigAndIsRefusedWithoutItsToken() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            Path kubeconfig = dir.resolve("demo.kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            assertThat(new Kubectl(kubeconfig).run("get", "pods").ok().err())
                    .as("the server's answer: an empty list (the simulation is not running)")
                    .contains("No resources found in default namespace");
            long authorised = cluster.requests().count("kubectl/");
            assertThat(authorised).isPositive();

            // Without any credential kubectl asks for a user name on stdin (here closed: "error: EOF"); with another
            // token it sends that and is refused. Either way the server answers no request of it.
            String written = Files.readString(kubeconfig);
            String token = cluster.clientConfig().getOauthToken();
            Path tokenless = Files.writeString(dir.resolve("tokenless.kubeconfig"),
                    written.replace("user:\n    token: " + token, "user: {}"));
            Path otherToken = Files.writeString(dir.resolve("other-token.kubeconfig"),
                    written.replace(token, new StringBuilder(token).reverse().toString()));
            assertThat(Files.readString(tokenless)).doesNotContain("token").contains("certificate-authority-data");
            long refusedBefore = cluster.requests().unauthorized();
            Kubectl.Result withoutToken = new Kubectl(tokenless).run("get", "pods", "--request-timeout=20s");
            long refusedWithout = cluster.requests().unauthorized() - refusedBefore;
            assertThat(withoutToken.exitCode()).isNotZero();
            Kubectl.Result withOtherToken = new Kubectl(otherToken).run("get", "pods", "--request-timeout=20s");
            long refusedOther = cluster.requests().unauthorized() - refusedBefore - refusedWithout;
            assertThat(withOtherToken.exitCode()).isNotZero();
            assertThat(withOtherToken.err()).contains("must be logged in");
            assertThat(refusedOther).isPositive();
            assertThat(cluster.requests().count("kubectl/")).as("authorised kubectl requests").isEqualTo(authorised);
            ReliabilityFigures.record("demo-api-token-kubectl", """
                    | kubectl %s, `get pods` with the kubeconfig the demo writes | exit code | authorised requests \
                    | refused (401) |
                    |---|---|---|---|
                    | as written (its certificate authority and token) | 0 | %d | 0 |
                    | minus its token (kubectl asks for a user name; no terminal here) | %d | 0 | %d |
                    | with another token | %d: `%s` | 0 | %d |""".formatted(new Kubectl(kubeconfig).clientVersion(),
                    authorised, withoutToken.exitCode(), refusedWithout, withOtherToken.exitCode(),
                    withOtherToken.err().strip().lines().reduce((first, last) -> last).orElse(""), refusedOther));
        }
    }

    @Test
    void theMetricsPageStaysReadableWithoutAToken() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().withComponents(
                SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())))) {
            String url = cluster.metricsUrl().orElseThrow();
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/metrics");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("# TYPE http_requests_total counter");
            assertThat(cluster.requests().unauthorized()).isZero();
        }
    }

    @Test
    void theKubeconfigIsReadableByItsOwnerOnlyEvenWhereAFileWasBefore() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            Path fresh = dir.resolve("nested/fresh.kubeconfig");
            cluster.writeKubeconfig(fresh);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");

            Path existing = Files.writeString(dir.resolve("existing.kubeconfig"), "old");
            Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
            cluster.writeKubeconfig(existing);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");
            assertThat(Files.readString(existing)).isEqualTo(cluster.kubeconfig())
                    .contains("token: " + cluster.clientConfig().getOauthToken(), "certificate-authority-data: ");
        }
    }
}
