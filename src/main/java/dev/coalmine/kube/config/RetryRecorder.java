package dev.coalmine.kube.config;

import dev.coalmine.kube.RetriedRequests;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.CompletableFuture;

/**
 * Writes down each answer and failed connection that fabric8 (7.8) will try again — a 429, a 5xx, an I/O failure —
 * in {@link RetriedRequests}, so the step log can tell it. Records what was asked and what came back, never a header
 * or body.
 */
final class RetryRecorder implements Interceptor {
    static final String NAME = "coalmine-retry-recorder";

    private final RetriedRequests retries;

    RetryRecorder(RetriedRequests retries) {
        this.retries = retries;
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        int code = response.code();
        if (code == 429 || code >= 500) {
            HttpRequest request = response.request();
            retries.record(request.method(), request.uri().getRawPath(),
                    "the API server answered " + code + " " + reason(code));
        }
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        retries.record(request.method(), request.uri().getRawPath(), "a failed connection ("
                + failure.getClass().getSimpleName() + ")");
    }

    private static String reason(int code) {
        return switch (code) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
    }
}
