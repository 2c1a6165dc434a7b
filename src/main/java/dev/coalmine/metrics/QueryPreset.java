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
    ISTIO("istio", "Istio sidecar metrics of the destination workload", Selectors.ISTIO, Selectors.ISTIO_PODS,
            requests("istio_requests_total", Selectors.ISTIO),
            successRate("istio_requests_total", Selectors.ISTIO, "response_code!~\"5.*\""),
            p99("istio_request_duration_milliseconds_bucket", Selectors.ISTIO, "")),
    LINKERD("linkerd", "Linkerd proxy metrics of inbound traffic", Selectors.LINKERD, Selectors.LINKERD_PODS,
            requests("response_total", Selectors.LINKERD),
            successRate("response_total", Selectors.LINKERD, "classification!=\"failure\""),
            p99("response_latency_ms_bucket", Selectors.LINKERD, "")),
    // The ingress controller's series carry no pod labels: by pod labels, its queries stay by Service.
    NGINX("nginx", "NGINX ingress controller metrics by backend Service (named like each track's Deployment);"
            + " its latency is a mean, not a percentile", Selectors.NGINX, Selectors.NGINX,
            requests("nginx_ingress_controller_requests", Selectors.NGINX),
            successRate("nginx_ingress_controller_requests", Selectors.NGINX, "status!~\"5..\""),
            mean("nginx_ingress_controller_request_duration_seconds", Selectors.NGINX)),
    DEMO("demo", "the demo cluster's http_requests_total and http_request_duration_seconds", Selectors.DEMO,
            Selectors.PODS,
            requests("http_requests_total", Selectors.DEMO),
            successRate("http_requests_total", Selectors.DEMO, "code!~\"5..\""),
            p99("http_request_duration_seconds_bucket", Selectors.DEMO, " * 1000")),
    AZURE_SAMPLE("azure-sample", "the Azure canary sample's requests_total{custom_status=\"good|bad\"}; it has no latency",
            Selectors.AZURE, Selectors.PODS,
            requests("requests_total", Selectors.AZURE + ",custom_status=~\"good|bad\""),
            new MetricQuery(MetricSpec.successRate(),
                    "sum(rate(requests_total{" + Selectors.AZURE + ",custom_status=\"good\"}[{{interval}}])) / "
                            + "sum(rate(requests_total{" + Selectors.AZURE + ",custom_status=~\"good|bad\"}[{{interval}}])) * 100"));

    private final String id;
    private final String description;
    private static final String REQUESTS = "requests";

    private final MetricQuery requestCount;
    private final List<MetricQuery> queries;
    private final String workloadSelector;
    private final String podSelector;

    /**
     * @param workloadSelector the series of one track's workload, as every query of the preset selects them
     * @param podSelector      the series of one track's pods ({@code {{pods}}}), for {@link #byPodLabels}
     */
    QueryPreset(String id, String description, String workloadSelector, String podSelector, MetricQuery requestCount,
                MetricQuery... queries) {
        this.id = id;
        this.description = description;
        this.workloadSelector = workloadSelector;
        this.podSelector = podSelector;
        this.requestCount = requestCount;
        this.queries = List.of(queries);
    }

    /**
     * {@code query} for a release whose tracks are told apart by pod labels (an Argo Rollout's, a Flagger Canary's):
     * the preset's workload selector replaced by the pods' ({@code {{pods}}}), which needs the pods' labels on the
     * series, as Prometheus's usual {@code labelmap} of {@code __meta_kubernetes_pod_label_(.+)} puts them there.
     * An operator's own query is kept as it is.
     */
    public MetricQuery byPodLabels(MetricQuery query) {
        return new MetricQuery(query.spec(), query.template().replace(workloadSelector, podSelector));
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
        static final String ISTIO = "reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\","
                + "destination_workload=\"{{workload}}\"";
        static final String ISTIO_PODS = "reporter=\"destination\",destination_workload_namespace=\"{{namespace}}\",{{pods}}";
        static final String LINKERD = "namespace=\"{{namespace}}\",deployment=\"{{workload}}\",direction=\"inbound\"";
        static final String LINKERD_PODS = "namespace=\"{{namespace}}\",direction=\"inbound\",{{pods}}";
        static final String NGINX = "namespace=\"{{namespace}}\",service=\"{{workload}}\"";
        static final String PODS = "namespace=\"{{namespace}}\",{{pods}}";
        // The demo may label a sample with the release's name or with the track's Deployment; both match.
        static final String DEMO = "namespace=\"{{namespace}}\",deployment=~\"{{deployment}}(-canary|-baseline)?\",track=\"{{track}}\"";
        // Pods of a Deployment are named <deployment>-<replicaset hash>-<suffix>; this does not match other tracks' pods.
        static final String AZURE = "namespace=\"{{namespace}}\",pod=~\"{{workload}}-[a-z0-9]+-[a-z0-9]+\"";
    }
}
