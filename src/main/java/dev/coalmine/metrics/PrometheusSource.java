package dev.coalmine.metrics;

import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.TimeSeries;
import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Metrics of each track from Prometheus, one query per track rendered from the metric's template. */
public final class PrometheusSource implements MetricSource {
    private final PrometheusApi api;
    private final List<MetricQuery> queries;
    private final Optional<MetricQuery> requestCount;

    public PrometheusSource(PrometheusApi api, List<MetricQuery> queries) {
        this(api, queries, Optional.empty());
    }

    private PrometheusSource(PrometheusApi api, List<MetricQuery> queries, Optional<MetricQuery> requestCount) {
        this.api = api;
        this.queries = List.copyOf(queries);
        this.requestCount = requestCount;
    }

    /** This source, also counting each track's requests with {@code query} (a preset's {@link QueryPreset#requestCount}). */
    public PrometheusSource withRequestCount(MetricQuery query) {
        return new PrometheusSource(api, queries, Optional.of(query));
    }

    /** Prometheus at a URL, e.g. {@code --prometheus http://localhost:9090} with a preset. */
    public static PrometheusSource direct(String url, PrometheusAuth auth, Duration timeout, List<MetricQuery> queries) {
        return new PrometheusSource(new PrometheusApi(DirectPrometheusTransport.of(url, auth, timeout)), queries);
    }

    /** In-cluster Prometheus through the API server's service proxy, e.g. {@code --prometheus-service monitoring/prometheus:9090}. */
    public static PrometheusSource throughServiceProxy(KubernetesClient client, String namespaceServicePort, Duration timeout,
                                                       List<MetricQuery> queries) {
        return new PrometheusSource(new PrometheusApi(new ServiceProxyTransport(client,
                PrometheusService.parse(namespaceServicePort), timeout)), queries);
    }

    @Override
    public List<MetricSpec> metrics() {
        return queries.stream().map(MetricQuery::spec).toList();
    }

    @Override
    public MetricSamples range(MetricTarget target, String metric, Instant from, Instant to, Duration step) {
        MetricQuery query = find(metric);
        Map<Track, TimeSeries> series = new EnumMap<>(Track.class);
        for (Track track : target.tracks().keySet()) {
            String what = track.label() + " " + metric;
            List<PrometheusSeries> result = api.queryRange(what, query.render(target, track), from, to, step);
            single(what, query, target, track, result).ifPresent(s -> series.put(track, s.values()));
        }
        return new MetricSamples(query.spec(), series, target.interval());
    }

    @Override
    public Map<Track, Double> instant(MetricTarget target, String metric, Instant at) {
        MetricQuery query = find(metric);
        Map<Track, Double> values = new EnumMap<>(Track.class);
        for (Track track : target.tracks().keySet()) {
            value(target, query, track, at).ifPresent(v -> values.put(track, v));
        }
        return values;
    }

    @Override
    public OptionalDouble requests(MetricTarget target, Track track, Instant at) {
        return requestCount.map(query -> value(target, query, track, at)).orElse(OptionalDouble.empty());
    }

    private OptionalDouble value(MetricTarget target, MetricQuery query, Track track, Instant at) {
        if (target.selection(track).isEmpty()) {
            return OptionalDouble.empty();
        }
        String what = track.label() + " " + query.spec().name();
        List<PrometheusSeries> result = api.query(what, query.render(target, track), at);
        return single(what, query, target, track, result).map(s -> s.values().last()).orElse(OptionalDouble.empty());
    }

    @Override
    public String describe() {
        return api.describe();
    }

    private MetricQuery find(String metric) {
        return queries.stream().filter(q -> q.spec().name().equals(metric)).findFirst()
                .orElseThrow(() -> new MetricSourceException("No query for the metric '" + metric + "' with "
                        + describe() + "; known metrics: " + metrics().stream().map(MetricSpec::name).toList() + "."));
    }

    /** A per-track query must give at most one series; more means the query forgot to aggregate. */
    private static Optional<PrometheusSeries> single(String what, MetricQuery query, MetricTarget target, Track track,
                                                               List<PrometheusSeries> result) {
        if (result.size() > 1) {
            throw new PrometheusQueryException("The query for " + what + " returned " + result.size()
                    + " series, one is needed per track: aggregate it, e.g. sum(...) or avg(...). Query: "
                    + query.render(target, track), "too_many_series");
        }
        return result.stream().findFirst();
    }
}
