package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Argo Rollouts' analysis controller, simulated: measures each metric of a running AnalysisRun every
 * {@code interval} (after {@code initialDelay}), {@code count} times, with Prometheus queries answered from the demo's
 * metrics ({@link DemoQuery}); keeps every measurement with its phase, and decides the metric's and the run's phase
 * by {@code failureLimit}, {@code inconclusiveLimit} and {@code consecutiveErrorLimit} as Argo does.
 */
final class AnalysisRunController {
    private static final Set<String> TERMINAL = Set.of("Successful", "Failed", "Error", "Inconclusive");
    private static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
    private static final int KEPT_MEASUREMENTS = 10;

    private final EngineApi api;
    private final MeasurementTaker measurements;
    private final ObjectPasses passes = new ObjectPasses("AnalysisRun");

    AnalysisRunController(EngineApi api, DemoMetricsSource metrics) {
        this.api = api;
        this.measurements = new MeasurementTaker(metrics);
    }

    static boolean terminal(String phase) {
        return TERMINAL.contains(phase);
    }

    void reconcile(Instant now) {
        passes.reconcileEach(api.list(EngineApi.ANALYSIS_RUNS).stream()
                .filter(run -> !terminal(run.path("status").path("phase").asText())).toList(),
                run -> reconcile((ObjectNode) run, now));
    }

    private void reconcile(ObjectNode run, Instant now) {
        ObjectNode status = Trees.child(run, "status");
        if (!status.has("startedAt")) {
            status.put("phase", "Running").put("startedAt", Trees.time(now));
        }
        if (run.path("spec").path("terminate").asBoolean()) {
            complete(status, "Successful", "Run Terminated", now);
            api.writeStatus(EngineApi.ANALYSIS_RUNS, run, false);
            return;
        }
        ArrayNode results = Trees.array(status, "metricResults");
        String phase = "Successful";
        String message = "";
        for (JsonNode metric : run.path("spec").path("metrics")) {
            ObjectNode result = resultFor(results, metric.path("name").asText());
            if (!terminal(result.path("phase").asText())) {
                measure(run, metric, result, Trees.instant(status.path("startedAt")), now);
            }
            String metricPhase = result.path("phase").asText();
            if (rank(metricPhase) > rank(phase)) {
                phase = metricPhase;
                message = result.path("message").asText();
            }
        }
        summarize(status, results);
        if (terminal(phase)) {
            complete(status, phase, message, now);
        }
        api.writeStatus(EngineApi.ANALYSIS_RUNS, run, false);
    }

    private void measure(ObjectNode run, JsonNode metric, ObjectNode result, Instant started, Instant now) {
        Duration interval = metric.has("interval") ? RolloutSteps.parse(metric.path("interval").asText()) : null;
        Duration delay = metric.has("initialDelay") ? RolloutSteps.parse(metric.path("initialDelay").asText())
                : Duration.ZERO;
        ArrayNode taken = Trees.array(result, "measurements");
        Instant last = taken.isEmpty() ? null : Trees.instant(taken.get(taken.size() - 1).path("finishedAt"));
        boolean due = now.isAfter(started.plus(delay).minusMillis(1))
                && (last == null || (interval != null && !now.isBefore(last.plus(interval))));
        if (due) {
            ObjectNode m = measurements.take(run, metric, now);
            taken.add(m);
            while (taken.size() > KEPT_MEASUREMENTS) {
                taken.remove(0);
            }
            count(result, m.path("phase").asText());
        }
        result.put("phase", metricPhase(metric, result, interval));
        if (!result.path("phase").asText().equals("Running") && result.path("message").asText().isEmpty()) {
            result.put("message", verdict(metric, result));
        }
    }

    private static void count(ObjectNode result, String phase) {
        result.put("count", result.path("count").asInt() + 1);
        String counter = switch (phase) {
            case "Successful" -> "successful";
            case "Failed" -> "failed";
            case "Inconclusive" -> "inconclusive";
            default -> "error";
        };
        result.put(counter, result.path(counter).asInt() + 1);
        result.put("consecutiveError", phase.equals("Error") ? result.path("consecutiveError").asInt() + 1 : 0);
        if (phase.equals("Error")) {
            result.put("count", result.path("count").asInt() - 1);
        }
    }

    private static String metricPhase(JsonNode metric, JsonNode result, Duration interval) {
        if (result.path("failed").asInt() > limit(metric, "failureLimit", 0)) {
            return "Failed";
        }
        if (result.path("inconclusive").asInt() > limit(metric, "inconclusiveLimit", 0)) {
            return "Inconclusive";
        }
        if (result.path("consecutiveError").asInt() > limit(metric, "consecutiveErrorLimit",
                DEFAULT_CONSECUTIVE_ERROR_LIMIT)) {
            return "Error";
        }
        int wanted = limit(metric, "count", interval == null ? 1 : Integer.MAX_VALUE);
        return result.path("count").asInt() >= wanted ? "Successful" : "Running";
    }

    /** Argo's words for a metric's verdict, e.g. {@code Metric "x" assessed Failed due to failed (2) > failureLimit (1)}. */
    private static String verdict(JsonNode metric, JsonNode result) {
        String name = "Metric \"" + metric.path("name").asText() + "\" assessed ";
        return switch (result.path("phase").asText()) {
            case "Failed" -> name + "Failed due to failed (" + result.path("failed").asInt() + ") > failureLimit ("
                    + limit(metric, "failureLimit", 0) + ")";
            case "Inconclusive" -> name + "Inconclusive due to inconclusive (" + result.path("inconclusive").asInt()
                    + ") > inconclusiveLimit (" + limit(metric, "inconclusiveLimit", 0) + ")";
            case "Error" -> name + "Error due to consecutiveErrors (" + result.path("consecutiveError").asInt()
                    + ") > consecutiveErrorLimit (" + limit(metric, "consecutiveErrorLimit",
                    DEFAULT_CONSECUTIVE_ERROR_LIMIT) + "): \"" + lastMessage(result) + "\"";
            default -> "";
        };
    }

    private static String lastMessage(JsonNode result) {
        JsonNode taken = result.path("measurements");
        return taken.isEmpty() ? "" : taken.get(taken.size() - 1).path("message").asText();
    }

    private static int limit(JsonNode metric, String field, int fallback) {
        JsonNode v = metric.path(field);
        return v.isIntegralNumber() ? v.asInt() : v.isTextual() && v.asText().matches("\\d+")
                ? Integer.parseInt(v.asText()) : fallback;
    }

    private static ObjectNode resultFor(ArrayNode results, String name) {
        for (JsonNode r : results) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        return results.addObject().put("name", name).put("phase", "Running");
    }

    /** Failed outranks Error, Error outranks Inconclusive, which outranks Running, which outranks Successful. */
    private static int rank(String phase) {
        return switch (phase) {
            case "Failed" -> 4;
            case "Error" -> 3;
            case "Inconclusive" -> 2;
            case "Running", "Pending" -> 1;
            default -> 0;
        };
    }

    private static void summarize(ObjectNode status, ArrayNode results) {
        ObjectNode summary = status.putObject("runSummary").put("count", results.size());
        for (String phase : new String[] {"Successful", "Failed", "Inconclusive", "Error"}) {
            int n = 0;
            for (JsonNode r : results) {
                n += r.path("phase").asText().equals(phase) ? 1 : 0;
            }
            summary.put(phase.toLowerCase(java.util.Locale.ROOT), n);
        }
    }

    private static void complete(ObjectNode status, String phase, String message, Instant now) {
        status.put("phase", phase).put("completedAt", Trees.time(now));
        if (!message.isEmpty()) {
            status.put("message", message);
        }
    }
}
