package dev.coalmine.metrics;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.MetricSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Ready-made PromQL for the request success rate (percent) and latency (milliseconds) of each track.
 * Success rate is the share of requests without a 5xx; latency is the 99th percentile unless said otherwise.
 */
public enum QueryPreset {
    ISTIO("istio", "Istio sidecar metrics of the destination workload",
            requests("istio_requests_total",
                    "reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\",destination_workload=\"{{workload}}\""),
            successRate("istio_requests_total",
                    "reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\",destination_workload=\"{{workload}}\"",
                    "response_code!~\"5.*\""),
            p99("istio_request_duration_milliseconds_bucket",
                    "reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\",destination_workload=\"{{workload}}\"", "")),
    LINKERD("linkerd", "Linkerd proxy metrics of inbound traffic",
            requests("response_total", "namespace=\"{{namespace}}\",deployment=\"{{workload}}\",direction=\"inbound\""),
            successRate("response_total", "namespace=\"{{namespace}}\",deployment=\"{{workload}}\",direction=\"inbound\"",
                    "classification!=\"failure\""),
            p99("response_latency_ms_bucket", "namespace=\"{{namespace}}\",deployment=\"{{workload}}\",direction=\"inbound\"", "")),
    NGINX("nginx", "NGINX ingress controller metrics by backend Service (named like each track's Deployment);"
            + " its latency is a mean, not a percentile",
            requests("nginx_ingress_controller_requests", "namespace=\"{{namespace}}\",service=\"{{workload}}\""),
            successRate("nginx_ingress_controller_requests", "namespace=\"{{namespace}}\",service=\"{{workload}}\"", "status!~\"5..\""),
            mean("nginx_ingress_controller_request_duration_seconds", "namespace=\"{{namespace}}\",service=\"{{workload}}\"")),
    DEMO("demo", "the demo cluster's http_requests_total and http_request_duration_seconds",
            requests("http_requests_total", Selectors.DEMO),
            successRate("http_requests_total", Selectors.DEMO, "code!~\"5..\""),
            p99("http_request_duration_seconds_bucket", Selectors.DEMO, " * 1000")),
    AZURE_SAMPLE("azure-sample", "the Azure canary sample's requests_total{custom_status=\"good|bad\"}; it has no latency",
            requests("requests_total", Selectors.AZURE + ",custom_status=~\"good|bad\""),
            new MetricQuery(MetricSpec.successRate(),
                    "sum(rate(requests_total{" + Selectors.AZURE + ",custom_status=\"good\"}[{{interval}}])) / "
                            + "sum(rate(requests_total{" + Selectors.AZURE + ",custom_status=~\"good|bad\"}[{{interval}}])) * 100"));

    private final String id;
    private final String description;
    private static final String REQUESTS = "requests";

    private final MetricQuery requestCount;
    private final List<MetricQuery> queries;

    QueryPreset(String id, String description, MetricQuery requestCount, MetricQuery... queries) {
        this.id = id;
        this.description = description;
        this.requestCount = requestCount;
        this.queries = List.of(queries);
    }

    /** The name on the command line ({@code --metrics-preset}). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<MetricQuery> queries() {
        return queries;
    }

    /** The number of requests a track served in the interval: not judged, but too few make a check inconclusive. */
    public MetricQuery requestCount() {
        return requestCount;
    }

    public boolean hasLatency() {
        return queries.stream().anyMatch(q -> q.spec().name().equals(MetricSpec.LATENCY));
    }

    /** The preset's queries with the operator's custom ones added; a custom query of the same name replaces the preset's. */
    public List<MetricQuery> queriesWith(List<MetricQuery> custom) {
        List<MetricQuery> all = new ArrayList<>(queries);
        for (MetricQuery extra : custom) {
            all.removeIf(q -> q.spec().name().equals(extra.spec().name()));
            all.add(extra);
        }
        return List.copyOf(all);
    }

    public static QueryPreset parse(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new CoalmineException("Unknown metrics preset '" + id + "': choose one of "
                        + Arrays.stream(values()).map(QueryPreset::id).collect(Collectors.joining(", ")) + "."));
    }

    private static MetricQuery requests(String counter, String selector) {
        return new MetricQuery(MetricSpec.custom(REQUESTS), "sum(increase(" + counter + "{" + selector + "}[{{interval}}]))");
    }

    private static MetricQuery successRate(String counter, String selector, String goodFilter) {
        return new MetricQuery(MetricSpec.successRate(),
                "sum(rate(" + counter + "{" + selector + "," + goodFilter + "}[{{interval}}])) / "
                        + "sum(rate(" + counter + "{" + selector + "}[{{interval}}])) * 100");
    }

    private static MetricQuery p99(String bucket, String selector, String scale) {
        return new MetricQuery(MetricSpec.latency(),
                "histogram_quantile(0.99, sum by (le) (rate(" + bucket + "{" + selector + "}[{{interval}}])))" + scale);
    }

    private static MetricQuery mean(String secondsHistogram, String selector) {
        return new MetricQuery(MetricSpec.latency().withStatistic("mean"),
                "sum(rate(" + secondsHistogram + "_sum{" + selector + "}[{{interval}}])) / "
                        + "sum(rate(" + secondsHistogram + "_count{" + selector + "}[{{interval}}])) * 1000");
    }

    private static final class Selectors {
        // The demo may label a sample with the release's name or with the track's Deployment; both match.
        static final String DEMO = "namespace=\"{{namespace}}\",deployment=~\"{{deployment}}(-canary|-baseline)?\",track=\"{{track}}\"";
        // Pods of a Deployment are named <deployment>-<replicaset hash>-<suffix>; this does not match other tracks' pods.
        static final String AZURE = "namespace=\"{{namespace}}\",pod=~\"{{workload}}-[a-z0-9]+-[a-z0-9]+\"";
    }
}
