package dev.coalmine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Prometheus inside the cluster, reached through the Kubernetes API server's service proxy with the
 * kubeconfig's credentials (operators' workstations often cannot reach in-cluster Prometheus directly).
 */
public final class ServiceProxyTransport implements PrometheusTransport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String masterUrl;
    private final HttpClient http;
    private final PrometheusService service;
    private final Duration timeout;

    public ServiceProxyTransport(KubernetesClient client, PrometheusService service, Duration timeout) {
        this.masterUrl = client.getMasterUrl().toString().replaceAll("/+$", "");
        // fabric8 retries 5xx answers with backoff (about 100 s by default); a proxy's 503 or Prometheus's own
        // 503 must reach the operator now. The derived client keeps the kubeconfig's authentication.
        RequestConfig noRetries = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0).build();
        this.http = client.getHttpClient().newBuilder().tag(noRetries).build();
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public Answer get(String pathAndQuery) {
        HttpRequest request = http.newHttpRequestBuilder().uri(masterUrl + "/" + service.proxyPath() + pathAndQuery)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(request, String.class).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PrometheusUnreachableException(describe() + " did not answer within " + timeout.toSeconds()
                    + " s. Check that Prometheus is up and not overloaded.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PrometheusUnreachableException("Cannot reach the Kubernetes API server at " + masterUrl + " to get to "
                    + describe() + " (" + cause.getMessage() + "). Check the cluster connection (kubectl cluster-info).", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusUnreachableException("Interrupted while waiting for " + describe() + ".", e);
        }
        String body = response.body() == null ? "" : response.body();
        checkNotAnApiServerError(response.code(), body);
        return new Answer(response.code(), body, describe());
    }

    @Override
    public String describe() {
        return "Prometheus service " + service + " (through the Kubernetes API server's proxy)";
    }

    /** The API server answers for itself with a Status object when it cannot proxy (no service, no endpoints, no rights). */
    private void checkNotAnApiServerError(int code, String body) {
        if (code < 400 || !body.contains("\"Status\"")) {
            return;
        }
        JsonNode status;
        try {
            status = JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        if (status == null || !"Status".equals(status.path("kind").asText())) {
            return;
        }
        String message = status.path("message").asText("HTTP " + code);
        String advice = switch (code) {
            case 401, 403 -> "Your kubeconfig user needs the right to get services/proxy in namespace " + service.namespace() + ".";
            case 404 -> "Check the namespace, service and port: kubectl get service -n " + service.namespace() + " " + service.service() + ".";
            case 503 -> "The service has no ready endpoints: kubectl get endpoints -n " + service.namespace() + " " + service.service() + ".";
            default -> "Check that Prometheus runs behind this service.";
        };
        throw new PrometheusUnreachableException("The Kubernetes API server could not proxy to Prometheus service " + service + ": " + message + " (HTTP " + code + "). " + advice);
    }
}
