package dev.coalmine.kube.argo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.core.argo.AnalysisRun;
import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.CanaryStep;
import dev.coalmine.core.argo.PauseCondition;
import dev.coalmine.core.argo.StepAnalysis;
import dev.coalmine.kube.engines.ResourceJson;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/** Reads Rollouts and AnalysisRuns into the console's views (field names of argo-rollouts' v1alpha1 types). */
public final class RolloutReader {
    private RolloutReader() {
    }

    public static ArgoRollout rollout(GenericKubernetesResource resource) {
        JsonNode r = ResourceJson.tree(resource);
        JsonNode spec = r.path("spec");
        JsonNode status = r.path("status");
        JsonNode canary = spec.path("strategy").path("canary");
        JsonNode stepAnalysis = status.path("canary").path("currentStepAnalysisRunStatus");
        JsonNode weights = status.path("canary").path("weights");
        Integer replicas = ResourceJson.intOrNull(spec.path("replicas"));
        return new ArgoRollout(resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
                ResourceJson.text(status.path("phase")), ResourceJson.text(status.path("message")), !canary.isMissingNode(),
                steps(canary.path("steps")), ResourceJson.intOrNull(status.path("currentStepIndex")),
                pauseConditions(status.path("pauseConditions")), spec.path("paused").asBoolean(false),
                status.path("abort").asBoolean(false), status.path("controllerPause").asBoolean(false),
                ResourceJson.text(status.path("currentPodHash")), ResourceJson.text(status.path("stableRS")),
                weights.isMissingNode() ? null : ResourceJson.intOrNull(weights.path("canary").path("weight")),
                new ArgoRollout.Replicas(replicas == null ? 1 : replicas, status.path("replicas").asInt(0),
                        status.path("updatedReplicas").asInt(0), status.path("readyReplicas").asInt(0),
                        status.path("availableReplicas").asInt(0)),
                stepAnalysis.isMissingNode() ? null : new StepAnalysis(ResourceJson.text(stepAnalysis.path("name")),
                        ResourceJson.text(stepAnalysis.path("status")), ResourceJson.text(stepAnalysis.path("message"))),
                ResourceJson.conditions(status),
                spec.path("workloadRef").isMissingNode() ? null : ResourceJson.text(spec.path("workloadRef").path("name")));
    }

    private static List<CanaryStep> steps(JsonNode steps) {
        List<CanaryStep> result = new ArrayList<>();
        int i = 0;
        for (JsonNode step : steps) {
            result.add(step(i++, step));
        }
        return result;
    }

    private static CanaryStep step(int index, JsonNode step) {
        if (step.has("setWeight")) {
            return CanaryStep.setWeight(index, step.path("setWeight").asInt());
        }
        if (step.has("pause")) {
            return CanaryStep.pause(index, ResourceJson.text(step.path("pause").path("duration")));
        }
        if (step.has("analysis")) {
            List<String> templates = new ArrayList<>();
            step.path("analysis").path("templates").forEach(t -> templates.add(ResourceJson.text(t.path("templateName"))));
            return CanaryStep.analysis(index, templates);
        }
        return CanaryStep.other(index, step.fieldNames().hasNext() ? step.fieldNames().next() : "step");
    }

    private static List<PauseCondition> pauseConditions(JsonNode conditions) {
        List<PauseCondition> result = new ArrayList<>();
        conditions.forEach(c -> result.add(new PauseCondition(ResourceJson.text(c.path("reason")),
                ResourceJson.text(c.path("startTime")))));
        return result;
    }

    public static AnalysisRun analysisRun(GenericKubernetesResource resource) {
        JsonNode status = ResourceJson.tree(resource).path("status");
        List<AnalysisRun.Metric> metrics = new ArrayList<>();
        for (JsonNode m : status.path("metricResults")) {
            List<AnalysisRun.Measurement> measurements = new ArrayList<>();
            for (JsonNode x : m.path("measurements")) {
                measurements.add(new AnalysisRun.Measurement(ResourceJson.text(x.path("phase")),
                        ResourceJson.text(x.path("value")), ResourceJson.text(x.path("message")),
                        ResourceJson.text(x.path("startedAt")), ResourceJson.text(x.path("finishedAt"))));
            }
            metrics.add(new AnalysisRun.Metric(ResourceJson.text(m.path("name")), ResourceJson.text(m.path("phase")),
                    ResourceJson.text(m.path("message")), m.path("count").asInt(0), m.path("successful").asInt(0),
                    m.path("failed").asInt(0), m.path("inconclusive").asInt(0), m.path("error").asInt(0), measurements));
        }
        return new AnalysisRun(resource.getMetadata().getName(), ResourceJson.text(status.path("phase")),
                ResourceJson.text(status.path("message")), ResourceJson.text(status.path("startedAt")), metrics);
    }
}
