package dev.coalmine.metrics;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.ThresholdPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Builds the metric source that a release's judge settings describe, on one cluster: Prometheus by URL or through
 * the service proxy, the cluster's own {@link SimulatedMetrics} where the composition root registered them, or
 * none (Kubernetes health only).
 */
public final class MetricSources {
    private final Supplier<Optional<SimulatedMetrics>> simulated;

    private MetricSources(Supplier<Optional<SimulatedMetrics>> simulated) {
        this.simulated = simulated;
    }

    /** For a real cluster: no simulated metrics. */
    public static MetricSources standard() {
        return new MetricSources(Optional::empty);
    }

    /** For a cluster that serves simulated metrics (the demo). */
    public static MetricSources withSimulated(SimulatedMetrics metrics) {
        Optional<SimulatedMetrics> present = Optional.of(metrics);
        return new MetricSources(() -> present);
    }

    /**
     * The sources {@code detection} finds, asked for only when a judge first needs them: a CLI call that reads no
     * metrics (status, history, promote) then costs no detection request.
     */
    public static MetricSources detectedWhenNeeded(Supplier<MetricSources> detection) {
        Supplier<Optional<SimulatedMetrics>> once = new Supplier<>() {
            private Optional<SimulatedMetrics> found;

            @Override
            public synchronized Optional<SimulatedMetrics> get() {
                if (found == null) {
                    found = detection.get().simulated.get();
                }
                return found;
            }
        };
        return new MetricSources(once);
    }

    /**
     * The source for {@code settings}; empty when there are no request metrics to read (Kubernetes health only).
     * The {@code demo} location, which settings without a source default to, reads the cluster's simulated metrics
     * and is Kubernetes health only on a cluster without them. A simulated source may sample in the background:
     * close the source when done.
     *
     * @param auth credentials for a Prometheus URL, from the command line or environment, never from the settings
     */
    public Optional<MetricSource> forSettings(JudgeSettings settings, KubernetesClient client, PrometheusAuth auth,
                                              Duration timeout) {
        return open(settings, client, auth, timeout, UnaryOperator.identity());
    }

    /**
     * The source for an in-cluster engine's release, whose tracks are told apart by pod labels (see
     * {@link TrackSelection}): as {@link #forSettings}, with the preset's queries {@linkplain QueryPreset#byPodLabels
     * by pod labels}.
     */
    public Optional<MetricSource> forPodLabels(JudgeSettings settings, KubernetesClient client, PrometheusAuth auth,
                                               Duration timeout) {
        QueryPreset preset = QueryPreset.parse(settings.preset());
        return open(settings, client, auth, timeout, preset::byPodLabels);
    }

    private Optional<MetricSource> open(JudgeSettings settings, KubernetesClient client, PrometheusAuth auth,
                                        Duration timeout, UnaryOperator<MetricQuery> presetQuery) {
        QueryPreset preset = QueryPreset.parse(settings.preset());
        List<MetricQuery> queries = preset.queriesWith(settings.customQueries().entrySet().stream()
                .map(e -> MetricQuery.parseCustom(e.getKey() + "=" + e.getValue())).toList()).stream()
                .map(q -> preset.queries().contains(q) ? presetQuery.apply(q) : q).toList();
        MetricQuery requestCount = presetQuery.apply(preset.requestCount());
        MetricsLocation location = settings.location();
        if (location instanceof MetricsLocation.PrometheusUrl url) {
            return Optional.of(PrometheusSource.direct(url.url(), auth, timeout, queries).withRequestCount(requestCount));
        }
        if (location instanceof MetricsLocation.PrometheusService service) {
            return Optional.of(PrometheusSource.throughServiceProxy(client, service.namespaceServicePort(), timeout, queries)
                    .withRequestCount(requestCount));
        }
        if (location instanceof MetricsLocation.DemoCluster) {
            if (!settings.customQueries().isEmpty()) {
                throw new MetricSourceException("Custom queries (" + String.join(", ", settings.customQueries().keySet())
                        + ") need Prometheus: add --prometheus URL or --prometheus-service NAMESPACE/SERVICE:PORT.");
            }
            return simulated.get().map(metrics -> metrics.open(client));
        }
        return Optional.empty();
    }

    /** Whether this cluster's simulated metrics were registered (it is the demo). */
    public boolean simulated() {
        return simulated.get().isPresent();
    }

    /** The configured limits, without those the source cannot measure (so they do not stay inconclusive forever). */
    public static ThresholdPolicy thresholdsFor(ThresholdPolicy configured, Optional<MetricSource> source) {
        if (source.isEmpty()) {
            return configured.withoutRequestMetrics();
        }
        List<String> names = source.get().metrics().stream().map(MetricSpec::name).toList();
        ThresholdPolicy policy = names.contains(MetricSpec.LATENCY) ? configured : configured.withoutLatency();
        return names.contains(MetricSpec.SUCCESS_RATE) ? policy
                : policy.withoutSuccessRate();
    }
}
