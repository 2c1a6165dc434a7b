package dev.coalmine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
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
    private final KubernetesClient client;
    private final PrometheusService service;
    private final Duration timeout;

    public ServiceProxyTransport(KubernetesClient client, PrometheusService service, Duration timeout) {
        this.client = client;
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public Answer get(String pathAndQuery) {
        String master = client.getMasterUrl().toString().replaceAll("/+$", "");
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder().uri(master + "/" + service.proxyPath() + pathAndQuery)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(request, String.class).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PrometheusUnreachableException(describe() + " did not answer within " + timeout.toSeconds()
                    + " s. Check that Prometheus is up and not overloaded.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PrometheusUnreachableException("Cannot reach the Kubernetes API server at " + master + " to get to "
                    + describe() + " (" + cause.getMessage() + "). Check the cluster connection (kubectl cluster-info).", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusUnreachableException("Interrupted while waiting for " + describe() + ".", e);
        }
        String body = response.body() == null ? "" : response.body();
        checkNotAnApiServerError(response.code(), body);
        return new Answer(response.code(), body);
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
