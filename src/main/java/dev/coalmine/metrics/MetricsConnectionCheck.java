package dev.coalmine.metrics;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.time.Durations;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The console's "Test connection": can the judge's metric source be reached, and what does it see of this workload
 * now (requests per second, success rate, latency per track)? Problems come with advice in the console's words.
 */
public final class MetricsConnectionCheck {
    /** A source that scrapes by itself (the demo's) has nothing from before it opened: it reads this much first. */
    private static final Duration FRESH_WINDOW = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(250);

    private final KubernetesClient client;
    private final PrometheusAuth auth;
    private final MetricSources sources;

    public MetricsConnectionCheck(KubernetesClient client, PrometheusAuth auth, MetricSources sources) {
        this.client = client;
        this.auth = auth;
        this.sources = sources;
    }

    /** A one-line result for the operator; never throws for an unreachable or failing source. Blocks a few seconds. */
    public String check(JudgeSettings settings, String namespace, String deployment) {
        try {
            Optional<MetricSource> found = sources.forSettings(settings, client, auth, Duration.ofSeconds(5));
            if (found.isEmpty()) {
                return "No request metrics: only Kubernetes health (restarts, readiness) will be judged.";
            }
            try (MetricSource source = found.get()) {
                if (source.metrics().stream().noneMatch(m -> m.name().equals(MetricSpec.SUCCESS_RATE))) {
                    return "Connected to " + source.describe() + "; it has no success-rate query.";
                }
                Duration window = readableWindow(source, settings.interval());
                return "Connected to " + source.describe() + ". " + whatItSees(source, settings, namespace, deployment, window);
            }
        } catch (MetricSourceException e) {
            return "Not reachable: " + e.problem() + " " + advice(settings.location());
        } catch (CoalmineException | IllegalArgumentException e) {
            return "Not reachable: " + e.getMessage();
        }
    }

    /** The analysis interval, or for a source without history a short window once it has scraped that long. */
    private static Duration readableWindow(MetricSource source, Duration interval) {
        if (source.covers(interval, Instant.now())) {
            return interval;
        }
        Duration window = interval.compareTo(FRESH_WINDOW) < 0 ? interval : FRESH_WINDOW;
        Instant deadline = Instant.now().plus(window).plusSeconds(3);
        while (!source.covers(window, Instant.now()) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return window;
    }

    private static String whatItSees(MetricSource source, JudgeSettings settings, String namespace, String deployment,
            Duration window) {
        MetricTarget target = new MetricTarget(namespace, deployment, window);
        Instant now = Instant.now();
        Map<Track, Double> success = source.instant(target, MetricSpec.SUCCESS_RATE, now);
        boolean hasLatency = source.metrics().stream().anyMatch(m -> m.name().equals(MetricSpec.LATENCY));
        Map<Track, Double> latency = hasLatency ? source.instant(target, MetricSpec.LATENCY, now) : Map.of();
        String latencyName = "nginx".equals(settings.preset()) ? "mean" : "p99";
        List<String> tracks = new ArrayList<>();
        for (Track track : Track.values()) {
            Double rate = success.get(track);
            if (rate == null || rate.isNaN()) {
                continue;
            }
            StringBuilder seen = new StringBuilder(track.label());
            OptionalDouble requests = source.requests(target, track, now);
            if (requests.isPresent()) {
                seen.append(String.format(Locale.ROOT, " %.1f req/s,", requests.getAsDouble() / window.toMillis() * 1000));
            }
            seen.append(String.format(Locale.ROOT, " %.2f %% success", rate));
            Double ms = latency.get(track);
            if (ms != null && !ms.isNaN()) {
                seen.append(String.format(Locale.ROOT, ", %s %.0f ms", latencyName, ms));
            }
            tracks.add(seen.toString());
        }
        String over = "over the last " + Durations.format(window);
        return tracks.isEmpty()
                ? "No requests to " + deployment + " " + over + ": the judge needs traffic to compare (do the preset's "
                        + "labels match this workload?)."
                : deployment + " " + over + ": " + String.join("; ", tracks) + ".";
    }

    private static String advice(MetricsLocation location) {
        if (location instanceof MetricsLocation.PrometheusUrl) {
            return "Check that Prometheus is running and the URL is right (its base URL, e.g. http://prometheus:9090); "
                    + "if it runs inside the cluster, choose \"Prometheus via the API server's service proxy\" as the "
                    + "metric source.";
        }
        if (location instanceof MetricsLocation.PrometheusService) {
            return "Check the namespace, Service and port, and that you may use the services/proxy subresource there; "
                    + "if Prometheus is reachable from this machine, choose \"Prometheus URL\" instead.";
        }
        return "Check the metric source chosen above.";
    }
}
