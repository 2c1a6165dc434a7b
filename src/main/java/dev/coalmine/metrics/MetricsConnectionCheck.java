package dev.coalmine.metrics;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The wizard's "Test connection": can the judge's metric source be reached and does it answer for this workload? */
public final class MetricsConnectionCheck {
    private final KubernetesClient client;
    private final PrometheusAuth auth;
    private final MetricSources sources;

    public MetricsConnectionCheck(KubernetesClient client, PrometheusAuth auth, MetricSources sources) {
        this.client = client;
        this.auth = auth;
        this.sources = sources;
    }

    /** A one-line result for the operator; never throws for an unreachable or failing source. */
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
                Map<Track, Double> now = source.instant(new MetricTarget(namespace, deployment, settings.interval()),
                        MetricSpec.SUCCESS_RATE, Instant.now());
                Double stable = now.get(Track.STABLE);
                return "Connected to " + source.describe() + (stable == null || stable.isNaN()
                        ? ": no traffic for " + deployment + " yet (the judge needs requests to compare)."
                        : String.format(Locale.ROOT, ": %s answers %.2f %% success now.", deployment, stable));
            }
        } catch (CoalmineException | IllegalArgumentException e) {
            return "Not reachable: " + e.getMessage();
        }
    }
}
