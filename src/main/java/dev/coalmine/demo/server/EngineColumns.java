package dev.coalmine.demo.server;

import static dev.coalmine.demo.server.TableColumns.col;
import static dev.coalmine.demo.server.TableColumns.wide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.demo.server.TableColumns.Column;
import java.util.List;
import java.util.function.Function;

/**
 * The printer columns of the Argo Rollouts and Flagger CRDs ({@code additionalPrinterColumns}): what
 * {@code kubectl get rollouts,canaries} shows on a real cluster. A field that is not set prints as {@code <none>}.
 */
final class EngineColumns {
    private EngineColumns() {
    }

    /** Adds the columns after NAME for {@code kind}; false when it is not one of the engines' kinds. */
    static boolean add(String kind, List<Column> c, Function<JsonNode, Object> age) {
        switch (kind) {
            case "Rollout" -> {
                c.add(col("Desired", o -> field(o, "spec", "replicas")));
                c.add(col("Current", o -> field(o, "status", "replicas")));
                c.add(col("Up-to-date", o -> field(o, "status", "updatedReplicas")));
                c.add(col("Available", o -> field(o, "status", "availableReplicas")));
            }
            case "AnalysisRun" -> c.add(col("Status", o -> field(o, "status", "phase")));
            case "AnalysisTemplate", "ClusterAnalysisTemplate" -> {
            }
            case "Canary" -> {
                c.add(col("Status", o -> field(o, "status", "phase")));
                c.add(col("Weight", o -> field(o, "status", "canaryWeight")));
                c.add(wide("Suspended", o -> field(o, "spec", "suspend")));
                c.add(wide("FailedChecks", o -> field(o, "status", "failedChecks")));
                c.add(wide("Interval", o -> field(o, "spec", "analysis", "interval")));
                c.add(wide("Mirror", o -> field(o, "spec", "analysis", "mirror")));
                c.add(wide("StepWeight", o -> field(o, "spec", "analysis", "stepWeight")));
                c.add(wide("StepWeights", o -> field(o, "spec", "analysis", "stepWeights")));
                c.add(wide("MaxWeight", o -> field(o, "spec", "analysis", "maxWeight")));
                c.add(col("LastTransitionTime", o -> field(o, "status", "lastTransitionTime")));
                return true;
            }
            case "MetricTemplate" -> {
                c.add(col("Provider", o -> field(o, "spec", "provider", "type")));
                return true;
            }
            case "AlertProvider" -> {
                c.add(col("Type", o -> field(o, "spec", "type")));
                return true;
            }
            default -> {
                return false;
            }
        }
        c.add(col("Age", age));
        return true;
    }

    /** The value at a path as kubectl prints a JSONPath cell: scalars as they are, lists as JSON, missing as null. */
    private static Object field(JsonNode object, String... path) {
        JsonNode node = object;
        for (String part : path) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isContainerNode() ? Json.write(node) : node.isNumber() ? node.numberValue() : node.asText();
    }
}
