package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measurement of an AnalysisRun metric: its query with the run's {@code {{args.*}}} filled in, answered by the
 * demo's metrics, judged by the metric's success and failure conditions. An empty result is an Error, as an empty
 * Prometheus vector makes {@code result[0]} fail in Argo.
 */
final class MeasurementTaker {
    private final DemoMetricsSource metrics;

    MeasurementTaker(DemoMetricsSource metrics) {
        this.metrics = metrics;
    }

    ObjectNode take(JsonNode run, JsonNode metric, Instant now) {
        ObjectNode m = Trees.object().put("startedAt", Trees.time(now));
        String query = resolve(metric.path("provider").path("prometheus").path("query").asText(), run);
        try {
            Optional<DemoQuery> parsed = DemoQuery.parse(query);
            if (parsed.isEmpty()) {
                return error(m, "the demo cluster answers only the request success rate, p99 latency and request "
                        + "count of its own http_requests metrics, not: " + query, now);
            }
            OptionalDouble value = parsed.get().read(metrics, now);
            if (value.isEmpty()) {
                return error(m, "reflect: slice index out of range (no data for " + query + ")", now);
            }
            double v = value.getAsDouble();
            m.put("value", "[" + format(v) + "]");
            m.put("phase", phase(metric, v)).put("finishedAt", Trees.time(now));
            return m;
        } catch (RuntimeException e) {
            return error(m, e.getMessage(), now);
        }
    }

    private static String phase(JsonNode metric, double value) {
        String success = metric.path("successCondition").asText();
        String failure = metric.path("failureCondition").asText();
        boolean succeeded = !success.isEmpty() && MetricCondition.holds(success, value);
        boolean failed = !failure.isEmpty() && MetricCondition.holds(failure, value);
        if (!success.isEmpty() && !failure.isEmpty()) {
            return failed ? "Failed" : succeeded ? "Successful" : "Inconclusive";
        }
        if (!success.isEmpty()) {
            return succeeded ? "Successful" : "Failed";
        }
        return failed ? "Failed" : "Successful";
    }

    private static String resolve(String query, JsonNode run) {
        String resolved = query;
        for (JsonNode arg : run.path("spec").path("args")) {
            resolved = resolved.replace("{{args." + arg.path("name").asText() + "}}", arg.path("value").asText());
        }
        if (resolved.contains("{{args.")) {
            throw new IllegalArgumentException("failed to resolve " + resolved.replaceAll(".*(\\{\\{args\\.[^}]*}}).*",
                    "$1"));
        }
        return resolved;
    }

    private static ObjectNode error(ObjectNode m, String message, Instant now) {
        return m.put("phase", "Error").put("message", message).put("finishedAt", Trees.time(now));
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 1000) / 1000.0);
    }
}
