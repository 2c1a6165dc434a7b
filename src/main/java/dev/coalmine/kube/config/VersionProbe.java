package dev.coalmine.kube.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks {@code /version} once, within a deadline, and names the server version or the failure. */
final class VersionProbe {
    private final Duration timeout;

    VersionProbe(Duration timeout) {
        this.timeout = timeout;
    }

    String serverVersion(KubernetesClient client, ConnectionProblems problems) {
        // The client retries failed requests with backoff for ~a minute; a connection check must not.
        var noRetries = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0).build();
        // A derived client shares the connection pool of the client: closing it would close both.
        HttpClient http = client.getHttpClient().newBuilder().tag(noRetries).build();
        try {
            HttpRequest request = http.newHttpRequestBuilder()
                    .uri(URI.create(client.getMasterUrl().toString()).resolve("version"))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build();
            HttpResponse<String> response = http.sendAsync(request, String.class)
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (response.code() != 200) {
                throw problems.fromStatus(response.code(), "read the server version (GET /version)");
            }
            return gitVersion(response.body());
        } catch (TimeoutException e) {
            throw problems.timedOut(timeout, e);
        } catch (ExecutionException e) {
            throw problems.fromFailure(e.getCause(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problems.timedOut(timeout, e);
        }
    }

    private static String gitVersion(String body) {
        try {
            JsonNode version = new ObjectMapper().readTree(body == null ? "" : body).path("gitVersion");
            return version.isTextual() ? version.asText() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
