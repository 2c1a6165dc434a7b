package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Flagger's metric checks of one interval: the built-in {@code request-success-rate} (percent, a minimum) and
 * {@code request-duration} (milliseconds, a maximum) of the canary (the target Deployment's pods), and metrics
 * from MetricTemplates with Flagger's template variables filled in. A query without an answer fails its check,
 * as Flagger counts a metric it cannot read.
 */
final class CanaryChecks {
    private final EngineApi api;
    private final DemoMetricsSource metrics;

    CanaryChecks(EngineApi api, DemoMetricsSource metrics) {
        this.api = api;
        this.metrics = metrics;
    }

    /** Empty when every metric is within its range; else why the first one is not. */
    Optional<String> failure(JsonNode canary, String target, Instant now) {
        for (JsonNode metric : canary.path("spec").path("analysis").path("metrics")) {
            String name = metric.path("name").asText();
            Duration window = RolloutSteps.parse(metric.path("interval").asText("1m"));
            OptionalDouble value;
            try {
                value = read(canary, metric, target, window, now);
            } catch (RuntimeException e) {
                return Optional.of("Metric query failed for " + name + ": " + e.getMessage());
            }
            if (value.isEmpty()) {
                return Optional.of("Metric query failed for " + name + ": no values found");
            }
            double v = value.getAsDouble();
            JsonNode range = metric.path("thresholdRange");
            boolean latency = name.equals("request-duration");
            double min = range.has("min") ? range.get("min").asDouble()
                    : metric.has("threshold") && !latency ? metric.get("threshold").asDouble() : Double.NaN;
            double max = range.has("max") ? range.get("max").asDouble()
                    : metric.has("threshold") && latency ? metric.get("threshold").asDouble() : Double.NaN;
            if (!Double.isNaN(min) && v < min) {
                return Optional.of("Halt " + Trees.name(canary) + "." + Trees.namespace(canary) + " advancement "
                        + name + " " + round(v) + " < " + round(min));
            }
            if (!Double.isNaN(max) && v > max) {
                return Optional.of("Halt " + Trees.name(canary) + "." + Trees.namespace(canary) + " advancement "
                        + name + " " + round(v) + " > " + round(max));
            }
        }
        return Optional.empty();
    }

    private OptionalDouble read(JsonNode canary, JsonNode metric, String target, Duration window, Instant now) {
        String namespace = Trees.namespace(canary);
        String name = metric.path("name").asText();
        if (!metric.has("templateRef") && !metric.has("query")) {
            String builtIn = switch (name) {
                case "request-success-rate" -> MetricSpec.SUCCESS_RATE;
                case "request-duration" -> MetricSpec.LATENCY;
                default -> throw new IllegalArgumentException("no built-in metric named " + name);
            };
            return new DemoQuery(namespace, target, Track.STABLE, builtIn, window).read(metrics, now);
        }
        String query = metric.path("query").asText();
        if (metric.has("templateRef")) {
            JsonNode ref = metric.get("templateRef");
            query = api.get(EngineApi.METRIC_TEMPLATES, ref.path("namespace").asText(namespace),
                    ref.path("name").asText()).map(t -> t.path("spec").path("query").asText())
                    .orElseThrow(() -> new IllegalArgumentException("MetricTemplate " + ref.path("name").asText()
                            + " not found"));
        }
        String resolved = query.replaceAll("\\{\\{\\s*namespace\\s*}}", namespace)
                .replaceAll("\\{\\{\\s*target\\s*}}", target)
                .replaceAll("\\{\\{\\s*service\\s*}}", target)
                .replaceAll("\\{\\{\\s*interval\\s*}}", metric.path("interval").asText("1m"));
        for (var it = metric.path("templateVariables").fields(); it.hasNext(); ) {
            var v = it.next();
            resolved = resolved.replaceAll("\\{\\{\\s*variables\\." + v.getKey() + "\\s*}}", v.getValue().asText());
        }
        return DemoQuery.parse(resolved).orElseThrow(() -> new IllegalArgumentException(
                "the demo cluster cannot answer this query")).read(metrics, now);
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 100) / 100.0);
    }
}
