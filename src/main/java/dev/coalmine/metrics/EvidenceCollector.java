package dev.coalmine.metrics;

import dev.coalmine.core.judge.CanaryReading;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Gathers one analysis interval's {@link Evidence}: the canary's success rate and latency now, its restarts,
 * every metric's series since {@code from}, and CPU and memory per track when the cluster serves metrics.k8s.io. A failing source becomes an error message in the evidence
 * (so the verdict is ERROR), not an exception that would stop the engine.
 */
public final class EvidenceCollector {
    private final Optional<MetricSource> metrics;
    private final Optional<KubernetesHealthSource> health;
    private final Optional<TrackUsageReader> usage;

    /** Either source may be absent: no request metrics (Kubernetes health only), or no pod health. */
    public EvidenceCollector(Optional<MetricSource> metrics, Optional<KubernetesHealthSource> health) {
        this.metrics = metrics;
        this.health = health;
        this.usage = health.map(TrackUsageReader::new);
    }

    public Evidence collect(MetricTarget target, Instant from, Instant now, Duration step) {
        List<String> errors = new ArrayList<>();
        OptionalDouble successRate = OptionalDouble.empty();
        OptionalDouble latency = OptionalDouble.empty();
        OptionalDouble requests = OptionalDouble.empty();
        List<MetricSamples> samples = new ArrayList<>();
        try {
            successRate = current(target, MetricSpec.SUCCESS_RATE, now, errors);
            latency = current(target, MetricSpec.LATENCY, now, errors);
            requests = canaryRequests(target, now, errors);
            for (MetricSpec metric : metrics.map(MetricSource::metrics).orElse(List.of())) {
                try {
                    samples.add(metrics.get().range(target, metric.name(), from, now, step));
                } catch (PrometheusQueryException e) {
                    errors.add(e.getMessage());
                }
            }
        } catch (MetricSourceException e) {
            // Unreachable: every further query would wait for the same timeout.
            errors.add(e.getMessage());
        }
        return new Evidence(new CanaryReading(successRate, latency, canaryRestarts(target, errors), requests), samples,
                errors.stream().distinct().toList(), usage.map(u -> u.read(target)).orElse(Map.of()));
    }

    private int canaryRestarts(MetricTarget target, List<String> errors) {
        if (health.isEmpty()) {
            return 0;
        }
        try {
            TrackHealth canary = health.get().health(target).get(Track.CANARY);
            return canary == null ? 0 : canary.restarts();
        } catch (RuntimeException e) {
            errors.add("Cannot read the canary pods' status: " + e.getMessage());
            return 0;
        }
    }

    private OptionalDouble current(MetricTarget target, String metric, Instant now, List<String> errors) {
        if (metrics.isEmpty() || metrics.get().metrics().stream().noneMatch(m -> m.name().equals(metric))) {
            return OptionalDouble.empty();
        }
        return reported(() -> {
            Double canary = metrics.get().instant(target, metric, now).get(Track.CANARY);
            return canary == null || canary.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(canary);
        }, errors);
    }

    /** No count when the source has none; then the judge checks the rates whatever their volume. */
    private OptionalDouble canaryRequests(MetricTarget target, Instant now, List<String> errors) {
        return metrics.isEmpty() ? OptionalDouble.empty()
                : reported(() -> metrics.get().requests(target, Track.CANARY, now), errors);
    }

    /** A query's value; a query Prometheus refused becomes an error of the evidence and no value. */
    private static OptionalDouble reported(Supplier<OptionalDouble> query, List<String> errors) {
        try {
            return query.get();
        } catch (PrometheusQueryException e) {
            errors.add(e.getMessage());
            return OptionalDouble.empty();
        }
    }
}
