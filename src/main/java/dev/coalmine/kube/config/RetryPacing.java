package dev.coalmine.kube.config;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Paces fabric8's retries of failed requests. fabric8 (7.8) retries 429 and 5xx answers with exponential back-off,
 * but schedules the next try by its back-off alone: the Retry-After of a 429 is computed and then not used, and
 * clients that failed together retry together. This holds the failed answer back before fabric8 sees it: a 429
 * for its Retry-After (1 s when absent or unreadable, at most a minute) plus up to a fifth more, a 5xx for a random
 * 0–250 ms, so the next try never comes sooner than the server asked and concurrent clients spread out.
 */
final class RetryPacing implements Interceptor {
    static final String NAME = "coalmine-retry-pacing";
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);
    private static final long SERVER_ERROR_JITTER_MILLIS = 250;

    private final DoubleSupplier random;

    RetryPacing() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPacing(DoubleSupplier random) {
        this.random = random;
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        Duration pause = pause(response.code(), response.header("Retry-After"));
        if (pause.isZero()) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(() -> false,
                CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** How long to hold back an answer with this status code and Retry-After header before fabric8's retry. */
    Duration pause(int code, String retryAfter) {
        if (code == 429) {
            Duration asked = retryAfterOf(retryAfter);
            return asked.plusMillis((long) (asked.toMillis() * 0.2 * random.getAsDouble()));
        }
        if (code >= 500) {
            return Duration.ofMillis((long) (SERVER_ERROR_JITTER_MILLIS * random.getAsDouble()));
        }
        return Duration.ZERO;
    }

    private static Duration retryAfterOf(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "1" : header.strip());
            Duration asked = Duration.ofSeconds(Math.max(1, seconds));
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1); // an HTTP date: rare from an API server; wait the usual second
        }
    }
}
