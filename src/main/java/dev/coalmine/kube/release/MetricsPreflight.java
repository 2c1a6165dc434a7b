package dev.coalmine.kube.release;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.metrics.MetricSource;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.metrics.PrometheusQueryException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Before an automatically judged release is recorded: the Prometheus its settings name answers, and accepts each
 * query. An unreachable Prometheus or a query it cannot parse would otherwise surface only at the first analysis,
 * after the canary was created; here it refuses the start with nothing written. Other query troubles (a timeout,
 * several series) may pass with time and stay the judge's to report.
 */
final class MetricsPreflight {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final PrometheusAuth auth;
    private final MetricSources sources;

    MetricsPreflight(KubernetesClient client, PrometheusAuth auth, MetricSources sources) {
        this.client = client;
        this.auth = auth;
        this.sources = sources;
    }

    /** @throws dev.coalmine.metrics.MetricSourceException when Prometheus cannot be reached or refuses a query */
    void check(ReleasePlan plan) {
        if (!plan.judge().isAutomatic() || !readsPrometheus(plan.judge().settings().location())) {
            return;
        }
        JudgeSettings settings = plan.judge().settings();
        Optional<MetricSource> found = sources.forSettings(settings, client, auth, TIMEOUT);
        if (found.isEmpty()) {
            return;
        }
        try (MetricSource source = found.get()) {
            MetricTarget target = new MetricTarget(plan.namespace(), plan.deployment(), settings.interval());
            Instant now = Instant.now();
            for (MetricSpec metric : source.metrics()) {
                try {
                    source.instant(target, metric.name(), now);
                } catch (PrometheusQueryException e) {
                    if (e.isBadQuery()) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean readsPrometheus(MetricsLocation location) {
        return location instanceof MetricsLocation.PrometheusUrl || location instanceof MetricsLocation.PrometheusService;
    }
}
