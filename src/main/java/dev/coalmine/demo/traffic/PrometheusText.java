package dev.coalmine.demo.traffic;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders pod traffic in the Prometheus text exposition format 0.0.4, one metric family at a time. */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(Collection<PodTraffic> pods) {
        List<PodTraffic> sorted = pods.stream()
                .sorted(Comparator.comparing((PodTraffic p) -> p.series().namespace()).thenComparing(p -> p.series().pod()))
                .toList();
        StringBuilder out = new StringBuilder(256 + sorted.size() * 1600);
        out.append("# HELP http_requests_total Total HTTP requests served, by response code.\n");
        out.append("# TYPE http_requests_total counter\n");
        for (PodTraffic pod : sorted) {
            for (Map.Entry<Integer, Long> code : new TreeMap<>(pod.requestsByCode()).entrySet()) {
                out.append("http_requests_total{").append(labels(pod.series()))
                        .append(",code=\"").append(code.getKey()).append("\"} ").append(code.getValue()).append('\n');
            }
        }
        out.append("# HELP http_request_duration_seconds Latency of HTTP requests in seconds.\n");
        out.append("# TYPE http_request_duration_seconds histogram\n");
        for (PodTraffic pod : sorted) {
            String labels = labels(pod.series());
            long[] buckets = pod.cumulativeBuckets();
            for (int i = 0; i < buckets.length; i++) {
                out.append("http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(PodTraffic.BUCKETS[i]).append("\"} ").append(buckets[i]).append('\n');
            }
            out.append("http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                    .append(pod.count()).append('\n');
            out.append("http_request_duration_seconds_sum{").append(labels).append("} ").append(pod.sumSeconds()).append('\n');
            out.append("http_request_duration_seconds_count{").append(labels).append("} ").append(pod.count()).append('\n');
        }
        return out.toString();
    }

    private static String labels(PodSeries series) {
        StringBuilder labels = new StringBuilder("namespace=\"").append(escape(series.namespace()))
                .append("\",pod=\"").append(escape(series.pod()))
                .append("\",deployment=\"").append(escape(series.deployment()))
                .append("\",track=\"").append(escape(series.track())).append('"');
        new TreeMap<>(series.podLabels()).forEach((name, value) ->
                labels.append(',').append(name).append("=\"").append(escape(value)).append('"'));
        return labels.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
