package dev.coalmine.kube.flagger;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.flagger.GateAction;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the Flagger load tester's gate API ({@code POST /gate/open} …, pkg/loadtester/server.go) through the API
 * server's service proxy with the kubeconfig's credentials, as {@code curl -d '{"name":…,"namespace":…}'} from inside
 * the cluster would. The gate answers 202 Accepted.
 */
public final class LoadTesterGate {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final String masterUrl;
    private final HttpClient http;

    public LoadTesterGate(KubernetesClient client) {
        this.masterUrl = client.getMasterUrl().toString().replaceAll("/+$", "");
        // One attempt: a retried POST could open a gate the operator has meanwhile closed again.
        RequestConfig once = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0).build();
        this.http = client.getHttpClient().newBuilder().tag(once).build();
    }

    public void call(GateAction action) {
        String url = masterUrl + "/" + action.service().proxyPath() + action.kind().path();
        HttpRequest request = http.newHttpRequestBuilder().uri(url).timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .post("application/json", action.body()).build();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(request, String.class).get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw failed(action, "no answer (" + (e.getCause() == null ? e : e.getCause()).getMessage()
                    + "). Check the cluster connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(action, "interrupted");
        }
        if (response.code() >= 300) {
            String advice = switch (response.code()) {
                case 401, 403 -> "your kubeconfig user needs the right to create services/proxy in namespace "
                        + action.service().namespace() + ", and the load tester must accept this Canary";
                case 404, 503 -> "check that the load tester runs: kubectl get endpoints -n "
                        + action.service().namespace() + " " + action.service().name();
                default -> "check the load tester's log";
            };
            throw failed(action, "HTTP " + response.code() + " " + abbreviated(response.body()) + "; " + advice);
        }
    }

    private static CoalmineException failed(GateAction action, String why) {
        return new CoalmineException(action.kind().label() + " for Canary " + action.canaryNamespace() + "/"
                + action.canaryName() + " through the load tester " + action.service() + " failed: " + why);
    }

    private static String abbreviated(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
