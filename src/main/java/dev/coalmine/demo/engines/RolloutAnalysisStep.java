package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.Optional;

/**
 * An analysis step: starts an AnalysisRun from the step's templates and args, mirrors its phase into
 * {@code status.canary.currentStepAnalysisRunStatus}, and decides: Successful moves on, Failed or Error aborts the
 * update, Inconclusive pauses the Rollout ({@code InconclusiveAnalysisRun}) until it is promoted.
 */
final class RolloutAnalysisStep {
    private static final String INCONCLUSIVE = "InconclusiveAnalysisRun";
    private final EngineApi api;

    RolloutAnalysisStep(EngineApi api) {
        this.api = api;
    }

    boolean completed(ObjectNode rollout, ObjectNode status, int index, JsonNode step, Instant now) {
        ObjectNode canary = Trees.child(status, "canary");
        JsonNode runStatus = canary.path("currentStepAnalysisRunStatus");
        if (runStatus.isMissingNode()) {
            Optional<String> missing = missingTemplate(rollout, step);
            if (missing.isPresent()) {
                status.put("abort", true).put("abortedAt", Trees.time(now));
                Conditions.set(status, "Progressing", "False", "RolloutAborted", "Rollout aborted: "
                        + missing.get(), now);
                return false;
            }
            String name = start(rollout, status, index, step);
            canary.putObject("currentStepAnalysisRunStatus").put("name", name).put("status", "Pending");
            return false;
        }
        Optional<ObjectNode> run = api.get(EngineApi.ANALYSIS_RUNS, Trees.namespace(rollout),
                runStatus.path("name").asText());
        if (run.isEmpty()) {
            return false;
        }
        String phase = run.get().path("status").path("phase").asText("Pending");
        String message = run.get().path("status").path("message").asText();
        ObjectNode mirrored = canary.putObject("currentStepAnalysisRunStatus").put("name", Trees.name(run.get()))
                .put("status", phase);
        if (!message.isEmpty()) {
            mirrored.put("message", message);
        }
        switch (phase) {
            case "Successful" -> {
                canary.remove("currentStepAnalysisRunStatus");
                return true;
            }
            case "Failed", "Error" -> {
                status.put("abort", true).put("abortedAt", Trees.time(now));
                Conditions.set(status, "Progressing", "False", "RolloutAborted", "Rollout aborted update to revision "
                        + run.get().path("metadata").path("annotations").path(RolloutReplicaSets.REVISION).asText()
                        + ": " + message, now);
                return false;
            }
            case "Inconclusive" -> {
                return inconclusive(status, canary, now);
            }
            default -> {
                return false;
            }
        }
    }

    /** An inconclusive run pauses the Rollout; promoting it (clearing the pause) moves on. */
    private static boolean inconclusive(ObjectNode status, ObjectNode canary, Instant now) {
        boolean paused = status.path("pauseConditions").toString().contains(INCONCLUSIVE);
        if (!paused && status.path("controllerPause").asBoolean()) {
            status.put("controllerPause", false);
            canary.remove("currentStepAnalysisRunStatus");
            return true;
        }
        if (!paused) {
            Trees.array(status, "pauseConditions").addObject().put("reason", INCONCLUSIVE)
                    .put("startTime", Trees.time(now));
            status.put("controllerPause", true);
        }
        return false;
    }

    /** Marks the step's running AnalysisRun terminated (spec.terminate), as an abort does. */
    void terminate(ObjectNode rollout, ObjectNode status) {
        String name = status.path("canary").path("currentStepAnalysisRunStatus").path("name").asText();
        if (name.isEmpty()) {
            return;
        }
        api.get(EngineApi.ANALYSIS_RUNS, Trees.namespace(rollout), name)
                .filter(run -> !AnalysisRunController.terminal(run.path("status").path("phase").asText()))
                .ifPresent(run -> api.mergePatch(EngineApi.ANALYSIS_RUNS, run, "{\"spec\":{\"terminate\":true}}"));
    }

    private String start(ObjectNode rollout, ObjectNode status, int index, JsonNode step) {
        String namespace = Trees.namespace(rollout);
        String hash = status.path("currentPodHash").asText();
        String revision = revisionOf(rollout, hash);
        String base = Trees.name(rollout) + "-" + hash + "-" + revision + "-" + index;
        long earlier = api.list(EngineApi.ANALYSIS_RUNS).stream()
                .filter(r -> Trees.namespace(r).equals(namespace) && Trees.name(r).startsWith(base)).count();
        ObjectNode run = Trees.object().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "AnalysisRun");
        ObjectNode metadata = run.putObject("metadata").put("name", earlier == 0 ? base : base + "." + earlier)
                .put("namespace", namespace);
        metadata.putObject("labels").put(RolloutReplicaSets.HASH_LABEL, hash).put("rollout-type", "Step")
                .put("step-index", String.valueOf(index));
        metadata.putObject("annotations").put(RolloutReplicaSets.REVISION, revision);
        metadata.putArray("ownerReferences").add(Trees.controllerRef(rollout));
        ObjectNode spec = run.putObject("spec");
        ArrayNode metrics = spec.putArray("metrics");
        ArrayNode args = spec.putArray("args");
        for (JsonNode ref : step.path("templates")) {
            JsonNode template = template(namespace, ref).orElseThrow();
            template.path("spec").path("metrics").forEach(metrics::add);
            template.path("spec").path("args").forEach(a -> args.add(withValue(a, step.path("args"))));
        }
        return Trees.name(api.create(EngineApi.ANALYSIS_RUNS, run));
    }

    private Optional<String> missingTemplate(ObjectNode rollout, JsonNode step) {
        for (JsonNode ref : step.path("templates")) {
            if (template(Trees.namespace(rollout), ref).isEmpty()) {
                return Optional.of((ref.path("clusterScope").asBoolean() ? "ClusterAnalysisTemplate" : "AnalysisTemplate")
                        + " '" + ref.path("templateName").asText() + "' not found");
            }
        }
        return Optional.empty();
    }

    private Optional<ObjectNode> template(String namespace, JsonNode ref) {
        return ref.path("clusterScope").asBoolean()
                ? api.get(EngineApi.CLUSTER_ANALYSIS_TEMPLATES, null, ref.path("templateName").asText())
                : api.get(EngineApi.ANALYSIS_TEMPLATES, namespace, ref.path("templateName").asText());
    }

    private static JsonNode withValue(JsonNode templateArg, JsonNode stepArgs) {
        ObjectNode arg = templateArg.deepCopy();
        for (JsonNode given : stepArgs) {
            if (given.path("name").asText().equals(arg.path("name").asText()) && given.has("value")) {
                arg.put("value", given.path("value").asText());
            }
        }
        return arg;
    }

    private String revisionOf(ObjectNode rollout, String hash) {
        ReplicaSet rs = api.client().apps().replicaSets().inNamespace(Trees.namespace(rollout))
                .withName(Trees.name(rollout) + "-" + hash).get();
        return rs == null ? "1" : String.valueOf(RolloutReplicaSets.revision(rs));
    }
}
