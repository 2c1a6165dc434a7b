package dev.coalmine.demo.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Scrapes the demo's metrics page every {@code resolution} on a daemon thread and keeps the snapshots of the last
 * {@code retention}, like a tiny Prometheus with one target. The endpoint is looked up until it is found.
 */
final class DemoScraper implements AutoCloseable {
    private final Supplier<Optional<String>> endpoint;
    private final Duration retention;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final ScheduledExecutorService executor;
    private final Deque<TrafficSnapshot> snapshots = new ArrayDeque<>();
    private volatile String url;
    private volatile String lastProblem;

    DemoScraper(Supplier<Optional<String>> endpoint, Duration resolution, Duration retention, Clock clock) {
        this.endpoint = endpoint;
        this.retention = retention;
        this.clock = clock;
        this.timeout = resolution.multipliedBy(3).plusSeconds(2);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "coalmine-demo-metrics-scraper");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::scrapeQuietly, 0, resolution.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The snapshots, oldest first. */
    synchronized List<TrafficSnapshot> snapshots() {
        return new ArrayList<>(snapshots);
    }

    /** Why the last scrape failed, or null when it worked. */
    String lastProblem() {
        return lastProblem;
    }

    /** The metrics page, once found. */
    Optional<String> url() {
        return Optional.ofNullable(url);
    }

    private void scrapeQuietly() {
        try {
            scrape();
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scrape() throws IOException, InterruptedException {
        if (url == null) {
            url = endpoint.get().orElseThrow(() -> new IllegalStateException("this cluster does not advertise demo "
                    + "metrics (no ConfigMap coalmine-demo/coalmine-demo-endpoints): it is not a Coalmine demo cluster "
                    + "with traffic"));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        TrafficSnapshot previous;
        synchronized (this) {
            previous = snapshots.peekLast();
        }
        TrafficSnapshot snapshot = TrafficSnapshot.of(clock.instant(), PrometheusTextParser.parse(response.body()),
                previous);
        synchronized (this) {
            snapshots.addLast(snapshot);
            Instant oldest = snapshot.at().minus(retention);
            while (snapshots.size() > 1 && snapshots.peekFirst().at().isBefore(oldest)) {
                snapshots.removeFirst();
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
