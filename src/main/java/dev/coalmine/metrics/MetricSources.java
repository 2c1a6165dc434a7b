package dev.coalmine.metrics;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.metrics.demo.DemoMetricsSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the metric source that a release's judge settings describe. */
public final class MetricSources {
    private MetricSources() {
    }

    /**
     * The source for {@code settings}; empty when there are no request metrics to read (Kubernetes health only).
     * The demo cluster without a Prometheus is read directly by a {@link DemoMetricsSource}, which scrapes in the
     * background: close the source when done.
     *
     * @param auth credentials for a Prometheus URL, from the command line or environment, never from the settings
     */
    public static Optional<MetricSource> forSettings(JudgeSettings settings, KubernetesClient client, PrometheusAuth auth,
                                                     Duration timeout) {
        QueryPreset preset = QueryPreset.parse(settings.preset());
        List<MetricQuery> queries = preset.queriesWith(settings.customQueries().entrySet().stream()
                .map(e -> MetricQuery.parseCustom(e.getKey() + "=" + e.getValue())).toList());
        MetricsLocation location = settings.location();
        if (location instanceof MetricsLocation.PrometheusUrl url) {
            return Optional.of(PrometheusSource.direct(url.url(), auth, timeout, queries).withRequestCount(preset.requestCount()));
        }
        if (location instanceof MetricsLocation.PrometheusService service) {
            return Optional.of(PrometheusSource.throughServiceProxy(client, service.namespaceServicePort(), timeout, queries)
                    .withRequestCount(preset.requestCount()));
        }
        if (location instanceof MetricsLocation.DemoCluster) {
            if (!settings.customQueries().isEmpty()) {
                throw new MetricSourceException("Custom queries (" + String.join(", ", settings.customQueries().keySet())
                        + ") need Prometheus: add --prometheus URL or --prometheus-service NAMESPACE/SERVICE:PORT.");
            }
            return Optional.of(DemoMetricsSource.forCluster(client));
        }
        return Optional.empty();
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
