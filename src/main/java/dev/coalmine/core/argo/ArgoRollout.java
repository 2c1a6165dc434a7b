package dev.coalmine.core.argo;

import dev.coalmine.core.engine.Condition;
import java.util.List;
import java.util.Optional;

/**
 * What the console shows of an Argo {@code Rollout} (argoproj.io/v1alpha1), read from its spec and the status the
 * Argo Rollouts controller writes (field names of pkg/apis/rollouts/v1alpha1/types.go).
 *
 * @param phase            {@code status.phase}: Progressing, Paused, Healthy, Degraded ("" before the controller wrote it)
 * @param currentStepIndex {@code status.currentStepIndex}, or null when the controller has not set it
 * @param specPaused       {@code spec.paused}: the operator's own pause
 * @param currentPodHash   the pod-template hash of the current (canary) ReplicaSet
 * @param stableRS         the pod-template hash of the stable ReplicaSet
 * @param trafficWeight    {@code status.canary.weights.canary.weight} when a traffic router reports it, else null
 * @param workloadRef      the Deployment named by {@code spec.workloadRef}, or null for an inline template
 */
public record ArgoRollout(String namespace, String name, String phase, String message, boolean canaryStrategy,
        List<CanaryStep> steps, Integer currentStepIndex, List<PauseCondition> pauseConditions, boolean specPaused,
        boolean abort, boolean controllerPause, String currentPodHash, String stableRS, Integer trafficWeight,
        Replicas replicas, StepAnalysis stepAnalysis, List<Condition> conditions, String workloadRef) {

    /** {@code spec.replicas} and the counts of {@code status}. */
    public record Replicas(int desired, int current, int updated, int ready, int available) {
    }

    public ArgoRollout {
        steps = List.copyOf(steps);
        pauseConditions = List.copyOf(pauseConditions);
        conditions = List.copyOf(conditions);
        phase = phase == null ? "" : phase;
        message = message == null ? "" : message;
        currentPodHash = currentPodHash == null ? "" : currentPodHash;
        stableRS = stableRS == null ? "" : stableRS;
    }

    /** The step index as the controller reads it (utils/replicaset GetCurrentCanaryStep): unset counts as 0. */
    public Optional<Integer> stepIndex() {
        if (!canaryStrategy || steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(currentStepIndex == null ? 0 : currentStepIndex);
    }

    /** The step the Rollout is on, empty once every step is done (or without steps). */
    public Optional<CanaryStep> currentStep() {
        return stepIndex().filter(i -> i < steps.size()).map(steps::get);
    }

    /** A new revision is being rolled out: the current ReplicaSet is not the stable one. */
    public boolean updating() {
        return !currentPodHash.isEmpty() && !currentPodHash.equals(stableRS);
    }

    public boolean paused() {
        return specPaused || !pauseConditions.isEmpty();
    }

    /**
     * The canary's share of traffic in percent: what the controller reports ({@code status.canary.weights}), else
     * the weight of the current step as it computes it (GetCurrentSetWeight: 0 when aborted, 100 after the last
     * step); 0 when no update is under way, as the weights then say (no canary runs).
     */
    public int canaryWeight() {
        if (trafficWeight != null) {
            return trafficWeight;
        }
        if (abort) {
            return 0;
        }
        if (!updating()) {
            return 0;
        }
        Optional<Integer> index = stepIndex();
        if (index.isEmpty() || index.get() >= steps.size()) {
            return 100;
        }
        for (int i = index.get(); i >= 0; i--) {
            if (steps.get(i).weight() != null) {
                return steps.get(i).weight();
            }
        }
        return 0;
    }

    /** "Paused · step 2/5 · 20 %": the phase and where the steps are. */
    public String progress() {
        StringBuilder b = new StringBuilder(phase.isEmpty() ? "Unknown" : phase);
        stepIndex().ifPresent(i -> b.append(" \u00b7 step ").append(Math.min(i + 1, steps.size())).append('/')
                .append(steps.size()));
        return b.append(" \u00b7 ").append(canaryWeight()).append(" %").toString();
    }
}
