package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus through the API server's service proxy: a mock API server that proxies
 * {@code monitoring/prometheus:9090} to a real Prometheus, and answers like kube-apiserver for other services.
 */
class ServiceProxyTransportTest {
    private static final String PROXY = "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy";
    private static final MetricTarget SHOP = new MetricTarget("shop-ns", "shop", Duration.ofSeconds(5));
    private static final List<String> authorizations = new CopyOnWriteArrayList<>();
    private static PrometheusProcess prometheus;
    private static KubernetesMockServer apiServer;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws IOException {
        prometheus = PrometheusProcess.start(List.of(), Duration.ofSeconds(1));
        apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new ProxyingApiServer(), false);
        apiServer.init(InetAddress.getLoopbackAddress(), 0);
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(apiServer.url("/"))
                .withOauthToken("kube-token").withNamespace("default").build()).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (apiServer != null) {
            apiServer.destroy();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void queriesGoThroughTheProxyWithTheKubeconfigsCredentials() {
        PrometheusSource source = PrometheusSource.throughServiceProxy(client, "monitoring/prometheus:9090", Duration.ofSeconds(10),
                List.of(MetricQuery.parseCustom("answer=label_replace(vector(42), \"track\", \"{{track}}\", \"\", \"\")")));

        Map<Track, Double> values = source.instant(SHOP, "answer", Instant.now());

        assertThat(values).containsEntry(Track.CANARY, 42.0).containsEntry(Track.STABLE, 42.0);
        assertThat(authorizations).isNotEmpty().allMatch("Bearer kube-token"::equals);
        assertThat(source.describe()).isEqualTo("Prometheus service monitoring/prometheus:9090 (through the Kubernetes API server's proxy)");
    }

    @Test
    void prometheussQueryErrorsComeThroughTheProxy() {
        PrometheusApi api = new PrometheusApi(new ServiceProxyTransport(client,
                PrometheusService.parse("monitoring/prometheus:9090"), Duration.ofSeconds(10)));

        assertThatThrownBy(() -> api.query("canary errors", "sum(", Instant.now()))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageStartingWith("Prometheus service monitoring/prometheus:9090 (through the Kubernetes API server's proxy)"
                        + " rejected the query for canary errors (HTTP 400, bad_data: ");
    }

    @Test
    void aServiceWithoutEndpointsIsExplainedAtOnce() {
        PrometheusApi api = new PrometheusApi(new ServiceProxyTransport(client,
                PrometheusService.parse("monitoring/missing:9090"), Duration.ofSeconds(10)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> api.query("canary success rate", "up", Instant.now()))
                .isInstanceOf(PrometheusUnreachableException.class)
                .hasMessage("The Kubernetes API server could not proxy to Prometheus service monitoring/missing:9090: "
                        + "no endpoints available for service \"missing\" (HTTP 503). "
                        + "The service has no ready endpoints: kubectl get endpoints -n monitoring missing.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedServiceIsRefusedWithAnExample() {
        assertThatThrownBy(() -> PrometheusService.parse("prometheus:9090"))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("is not NAMESPACE/SERVICE:PORT, e.g. monitoring/prometheus-server:80");
        assertThat(PrometheusService.parse("monitoring/prometheus-server:web").proxyPath())
                .isEqualTo("api/v1/namespaces/monitoring/services/prometheus-server:web/proxy");
    }

    /** Forwards the Prometheus service's proxy path to the real Prometheus; any other service has no endpoints. */
    private static final class ProxyingApiServer extends Dispatcher {
        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (path.startsWith(PROXY + "/")) {
                authorizations.add(request.getHeader("Authorization"));
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(prometheus.baseUrl() + path.substring(PROXY.length()))).build(), HttpResponse.BodyHandlers.ofString());
                    return new MockResponse().setResponseCode(answer.statusCode()).setBody(answer.body())
                            .setHeader("Content-Type", "application/json");
                } catch (IOException | InterruptedException e) {
                    return new MockResponse().setResponseCode(502).setBody(e.toString());
                }
            }
            String service = path.replaceAll("^/api/v1/namespaces/[^/]+/services/([^:/]+).*$", "$1");
            return new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json").setBody(
                    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                            + "\"message\":\"no endpoints available for service \\\"" + service + "\\\"\","
                            + "\"reason\":\"ServiceUnavailable\",\"code\":503}");
        }
    }
}
