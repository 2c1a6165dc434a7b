package dev.coalmine.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's binary, installed by .ci/install) for tests: scrapes the given 127.0.0.1 targets,
 * keeps its data in a temporary directory, listens on a free port of 127.0.0.1. Always close it.
 */
public final class PrometheusProcess implements AutoCloseable {
    private static final List<Path> FALLBACK_BINARIES = List.of(Path.of("/usr/local/bin/prometheus"),
            Path.of("/opt/coalmine-ci/prometheus/root/usr/bin/prometheus"), Path.of("/usr/bin/prometheus"));
    private final Process process;
    private final Path directory;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Process process, Path directory, URI baseUrl) {
        this.process = process;
        this.directory = directory;
        this.baseUrl = baseUrl;
    }

    /** Starts Prometheus scraping {@code targets} ({@code host:port}, path /metrics) every {@code scrapeInterval}; waits until ready. */
    public static PrometheusProcess start(List<String> targets, Duration scrapeInterval) throws IOException {
        Path directory = Files.createTempDirectory("coalmine-prometheus");
        String interval = scrapeInterval.toMillis() + "ms";
        String config = "global:\n  scrape_interval: " + interval + "\n  evaluation_interval: " + interval + "\n"
                + "scrape_configs:\n  - job_name: coalmine-test\n    scrape_interval: " + interval + "\n    scrape_timeout: " + interval + "\n"
                + "    static_configs:\n      - targets: [" + targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + "]\n";
        Files.writeString(directory.resolve("prometheus.yml"), config);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary().toString(),
                "--config.file=" + directory.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, directory, URI.create("http://127.0.0.1:" + port));
        try {
            prometheus.await("Prometheus to be ready", Duration.ofSeconds(60), prometheus::isReady);
        } catch (RuntimeException | Error e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The raw JSON of an instant query, for waiting on data; null if Prometheus does not answer. */
    public String query(String promql) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 250 ms until it holds; fails with Prometheus's log after {@code timeout}. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("Prometheus exited (" + process.exitValue() + ") while waiting for " + what + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + ":\n" + logTail());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("prometheus.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops Prometheus (the port then refuses connections); the data directory stays until {@link #close()}. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")).filter(s -> !s.isEmpty()).map(dir -> Path.of(dir, "prometheus")),
                        FALLBACK_BINARIES.stream())
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("prometheus is not installed: run `bash .ci/install` (see STACK.md)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
