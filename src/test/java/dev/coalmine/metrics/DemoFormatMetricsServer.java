package dev.coalmine.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Serves {@code /metrics} in the demo cluster's format on 127.0.0.1: {@code http_requests_total} and
 * {@code http_request_duration_seconds} per pod with labels namespace, pod, deployment, track, code, le.
 * Every scrape adds the requests since the last one (100 per second per pod), each failing with its pod's
 * error share and taking a random latency; so counters only grow and rates carry realistic noise.
 */
public final class DemoFormatMetricsServer implements AutoCloseable {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final double REQUESTS_PER_SECOND = 100;
    private final HttpServer server;
    private final List<PodTraffic> pods;
    private final Random random;
    private long lastNanos = System.nanoTime();

    /** One pod's traffic. {@code deployment} is the label value (the release's or the track's Deployment). */
    public record PodSpec(String namespace, String deployment, String pod, String track, double errorShare, double meanLatencySeconds) {
    }

    private static final class PodTraffic {
        final PodSpec spec;
        long ok;
        long errors;
        final long[] bucketCounts = new long[BUCKETS.length];
        long count;
        double sum;

        PodTraffic(PodSpec spec) {
            this.spec = spec;
        }
    }

    public DemoFormatMetricsServer(List<PodSpec> pods, long seed) throws IOException {
        this.pods = pods.stream().map(PodTraffic::new).toList();
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code 127.0.0.1:port}, as a Prometheus scrape target. */
    public String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized String scrape() {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        int requests = (int) Math.round(seconds * REQUESTS_PER_SECOND);
        StringBuilder out = new StringBuilder();
        out.append("# TYPE http_requests_total counter\n");
        for (PodTraffic pod : pods) {
            serve(pod, requests);
            out.append(line("http_requests_total", labels(pod.spec) + ",code=\"200\"", pod.ok));
            out.append(line("http_requests_total", labels(pod.spec) + ",code=\"500\"", pod.errors));
        }
        out.append("# TYPE http_request_duration_seconds histogram\n");
        for (PodTraffic pod : pods) {
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(line("http_request_duration_seconds_bucket", labels(pod.spec) + ",le=\"" + BUCKETS[i] + "\"", pod.bucketCounts[i]));
            }
            out.append(line("http_request_duration_seconds_bucket", labels(pod.spec) + ",le=\"+Inf\"", pod.count));
            out.append(String.format(Locale.ROOT, "http_request_duration_seconds_sum{%s} %.6f%n", labels(pod.spec), pod.sum));
            out.append(line("http_request_duration_seconds_count", labels(pod.spec), pod.count));
        }
        return out.toString();
    }

    private void serve(PodTraffic pod, int requests) {
        for (int i = 0; i < requests; i++) {
            if (random.nextDouble() < pod.spec.errorShare()) {
                pod.errors++;
            } else {
                pod.ok++;
            }
            double latency = -pod.spec.meanLatencySeconds() * Math.log(1 - random.nextDouble());
            for (int b = 0; b < BUCKETS.length; b++) {
                if (latency <= BUCKETS[b]) {
                    pod.bucketCounts[b]++;
                }
            }
            pod.count++;
            pod.sum += latency;
        }
    }

    private static String labels(PodSpec pod) {
        return "namespace=\"" + pod.namespace() + "\",pod=\"" + pod.pod() + "\",deployment=\"" + pod.deployment()
                + "\",track=\"" + pod.track() + "\"";
    }

    private static String line(String name, String labels, long value) {
        return name + "{" + labels + "} " + value + "\n";
    }
}
