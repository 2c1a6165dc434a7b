package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Argo Rollouts' canary strategy without traffic routing, simulated: a new pod template (of the Rollout or of the
 * Deployment its {@code workloadRef} names) gets a canary ReplicaSet; {@code setWeight} steps become the replica
 * ratio; pause steps wait (for their duration, or for a promote that clears {@code status.pauseConditions});
 * analysis steps run an AnalysisRun; {@code status.abort} (set by abort, or by a failed analysis) scales the canary
 * away and leaves the Rollout Degraded; when every step is done the canary becomes the stable.
 */
final class RolloutController {
    private final EngineApi api;
    private final RolloutReplicaSets replicaSets;
    private final RolloutAnalysisStep analysis;
    private final ObjectPasses passes = new ObjectPasses("Rollout");

    RolloutController(EngineApi api) {
        this.api = api;
        this.replicaSets = new RolloutReplicaSets(api.client());
        this.analysis = new RolloutAnalysisStep(api);
    }

    void reconcile(Instant now) {
        passes.reconcileEach(api.list(EngineApi.ROLLOUTS), rollout -> reconcile((ObjectNode) rollout, now));
    }

    private void reconcile(ObjectNode rollout, Instant now) {
        Optional<PodTemplateSpec> template = replicaSets.template(rollout);
        ObjectNode before = rollout.path("status").isObject() ? ((ObjectNode) rollout.get("status")).deepCopy()
                : Trees.object();
        ObjectNode status = Trees.child(rollout, "status");
        if (template.isEmpty()) {
            Conditions.set(status, "InvalidSpec", "True", "InvalidSpec", "The Rollout \"" + Trees.name(rollout)
                    + "\" is invalid: spec.workloadRef: the referenced Deployment was not found", now);
            finish(rollout, before, status);
            return;
        }
        Conditions.remove(status, "InvalidSpec");
        JsonNode spec = rollout.path("spec");
        RolloutSteps steps = new RolloutSteps(rollout);
        int replicas = spec.path("replicas").asInt(1);
        int collisions = status.path("collisionCount").asInt();
        String hash = replicaSets.hash(template.get(), collisions);
        List<ReplicaSet> owned = replicaSets.owned(rollout);
        String stable = status.path("stableRS").asText();
        if (!hash.equals(status.path("currentPodHash").asText())) {
            startRevision(status, hash, stable, steps, now);
            stable = status.path("stableRS").asText();
        }
        retryAfterAbort(status);
        Optional<ReplicaSet> found = RolloutReplicaSets.withHash(owned, hash).or(() -> replicaSets.create(rollout,
                template.get(), hash, owned.stream().mapToInt(RolloutReplicaSets::revision).max().orElse(0) + 1,
                podMetadata(rollout, hash.equals(status.path("stableRS").asText()) ? "stableMetadata" : "canaryMetadata")));
        if (found.isEmpty()) {
            // A hash collision (a Deployment of the same name runs the same template): as Argo does, count it and
            // leave the rest of the status as it was; the next pass hashes with the new count.
            rollout.set("status", before.deepCopy().put("collisionCount", collisions + 1));
            finish(rollout, before, (ObjectNode) rollout.get("status"));
            return;
        }
        ReplicaSet current = found.get();
        Optional<ReplicaSet> stableRs = RolloutReplicaSets.withHash(owned, stable);
        int revision = RolloutReplicaSets.revision(current);
        RolloutCanary canary = new RolloutCanary(replicaSets, current, stableRs.orElse(current), replicas);
        if (hash.equals(stable)) {
            canary.settle(owned);
        } else if (status.path("abort").asBoolean()) {
            abort(rollout, status, canary, revision, now);
        } else {
            progress(rollout, status, steps, canary, owned, now);
        }
        canary.writeCounts(status, spec, status.path("abort").asBoolean() ? 0
                : steps.weightAt(Math.min(status.path("currentStepIndex").asInt(), steps.size())));
        conditions(rollout, status, now);
        finish(rollout, before, status);
        new WorkloadScaleDown(api.client()).apply(rollout, status);
    }

    private static void startRevision(ObjectNode status, String hash, String stable, RolloutSteps steps, Instant now) {
        boolean first = stable.isEmpty();
        status.put("currentPodHash", hash);
        if (first) {
            status.put("stableRS", hash);
        }
        status.put("currentStepIndex", first || hash.equals(stable) ? steps.size() : 0);
        status.remove(List.of("abort", "abortedAt", "pauseConditions", "promoteFull"));
        status.put("controllerPause", false);
        Trees.child(status, "canary").remove("currentStepAnalysisRunStatus");
        Conditions.remove(status, "Progressing");
        Conditions.set(status, "Progressing", "True", "RolloutUpdated", "Rollout updated to a new pod template", now);
    }

    /** {@code kubectl argo rollouts retry} clears {@code status.abort}: the steps start again from the first. */
    private static void retryAfterAbort(ObjectNode status) {
        if (status.has("abortedAt") && !status.path("abort").asBoolean()) {
            status.remove("abortedAt");
            status.put("currentStepIndex", 0);
            Trees.child(status, "canary").remove("currentStepAnalysisRunStatus");
            Conditions.remove(status, "Progressing");
        }
    }

    private void abort(ObjectNode rollout, ObjectNode status, RolloutCanary canary, int revision, Instant now) {
        canary.scaleTo(0);
        analysis.terminate(rollout, status);
        status.remove("pauseConditions");
        status.put("controllerPause", false);
        if (!status.has("abortedAt")) {
            status.put("abortedAt", Trees.time(now));
        }
        if (!status.path("conditions").toString().contains("RolloutAborted")) {
            Conditions.set(status, "Progressing", "False", "RolloutAborted",
                    "Rollout aborted update to revision " + revision, now);
        }
    }

    private void progress(ObjectNode rollout, ObjectNode status, RolloutSteps steps, RolloutCanary canary,
            List<ReplicaSet> owned, Instant now) {
        int index = status.path("currentStepIndex").asInt();
        if (status.path("promoteFull").asBoolean() || index >= steps.size()) {
            canary.scaleTo(canary.replicas());
            if (canary.canaryAvailable(canary.replicas())) {
                replicaSets.relabel(canary.current(), podMetadata(rollout, "canaryMetadata"),
                        podMetadata(rollout, "stableMetadata"));
                status.put("stableRS", status.path("currentPodHash").asText());
                status.put("currentStepIndex", steps.size());
                status.remove("promoteFull");
                canary.settle(owned);
            }
            return;
        }
        int weight = steps.weightAt(index);
        canary.scaleTo(weight == 0 ? 0 : (int) Math.ceil(canary.replicas() * weight / 100.0));
        if (rollout.path("spec").path("paused").asBoolean()) {
            return;
        }
        JsonNode step = steps.at(index);
        boolean done;
        if (step.has("pause")) {
            done = new RolloutPauseStep(status, now).completed(step.get("pause"));
        } else if (step.has("analysis")) {
            done = analysis.completed(rollout, status, index, step.get("analysis"), now);
        } else {
            done = canary.canaryAvailable(canary.desiredCanary());
        }
        if (done) {
            status.put("currentStepIndex", index + 1);
        }
    }

    private static JsonNode podMetadata(JsonNode rollout, String field) {
        return rollout.path("spec").path("strategy").path("canary").path(field);
    }

    private static void conditions(JsonNode rollout, ObjectNode status, Instant now) {
        RolloutPhase phase = RolloutPhase.of(rollout.path("spec"), status);
        int replicas = rollout.path("spec").path("replicas").asInt(1);
        boolean available = status.path("availableReplicas").asInt() >= replicas;
        Conditions.set(status, "Available", available ? "True" : "False",
                available ? "AvailableReason" : "AvailableReason",
                available ? "Rollout has minimum availability" : "Rollout does not have minimum availability", now);
        boolean paused = phase.phase().equals("Paused");
        Conditions.set(status, "Paused", paused ? "True" : "False", paused ? "RolloutPaused" : "RolloutResumed",
                paused ? "Rollout is paused" : "Rollout is resumed", now);
        boolean healthy = phase.phase().equals("Healthy");
        Conditions.set(status, "Healthy", healthy ? "True" : "False", "RolloutHealthy",
                healthy ? "Rollout is healthy" : "Rollout is not healthy", now);
        boolean completed = status.path("stableRS").asText().equals(status.path("currentPodHash").asText());
        Conditions.set(status, "Completed", completed ? "True" : "False",
                completed ? "RolloutCompleted" : "RolloutNotCompleted",
                completed ? "Rollout completed update to " + status.path("stableRS").asText()
                        : "Rollout not completed, started update to " + status.path("currentPodHash").asText(), now);
        if (!phase.phase().equals("Degraded")) {
            Conditions.set(status, "Progressing", "True", healthy ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    healthy ? "Rollout \"" + Trees.name(rollout) + "\" has successfully progressed."
                            : "Rollout \"" + Trees.name(rollout) + "\" is progressing.", now);
        }
        RolloutPhase after = RolloutPhase.of(rollout.path("spec"), status);
        status.put("phase", after.phase()).put("message", after.message());
    }

    private void finish(ObjectNode rollout, ObjectNode before, ObjectNode status) {
        status.put("observedGeneration", rollout.path("metadata").path("generation").asText("1"));
        if (status.equals(before)) {
            return;
        }
        api.writeStatus(EngineApi.ROLLOUTS, rollout, true);
    }
}
