package dev.coalmine.core.argo;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The patches of {@code kubectl argo rollouts promote|promote --full|abort|retry rollout|restart}, decided from the
 * Rollout as the plugin decides them (pkg/kubectl-argo-rollouts/cmd/promote/promote.go getPatches,
 * cmd/abort/abort.go, cmd/retry/retry.go, cmd/restart/restart.go). All are JSON merge patches.
 */
public final class RolloutCommands {
    private static final String UNPAUSE = "{\"spec\":{\"paused\":false}}";
    private static final String CLEAR_PAUSE_CONDITIONS = "{\"status\":{\"pauseConditions\":null}}";
    private static final String UNPAUSE_AND_CLEAR = "{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null}}";
    private static final String PROMOTE_FULL = "{\"status\":{\"promoteFull\":true}}";
    private static final String UNPAUSE_AND_PROMOTE_FULL = "{\"spec\":{\"paused\":false},\"status\":{\"promoteFull\":true}}";
    private static final String ABORT = "{\"status\":{\"abort\":true}}";
    private static final String RETRY = "{\"status\":{\"abort\":false}}";

    private RolloutCommands() {
    }

    /** {@code promote}: leave the current pause (or, mid-step, skip to the next step). */
    public static RolloutPatches promote(ArgoRollout r) {
        Optional<String> spec = r.specPaused() ? Optional.of(UNPAUSE) : Optional.empty();
        Optional<Integer> index = r.stepIndex();
        if (r.stepAnalysis() != null && r.stepAnalysis().inconclusive() && !r.pauseConditions().isEmpty()
                && r.controllerPause() && index.isPresent()) {
            // Inconclusive analysis: without moving on, a pause step next would leave the Rollout stuck.
            String status = "{\"status\":{\"pauseConditions\":null,\"controllerPause\":false,\"currentStepIndex\":"
                    + next(r, index.get()) + "}}";
            return new RolloutPatches("promote", Optional.of(status), spec, Optional.of(UNPAUSE_AND_CLEAR));
        }
        if (!r.pauseConditions().isEmpty()) {
            return new RolloutPatches("promote", Optional.of(CLEAR_PAUSE_CONDITIONS), spec, Optional.of(UNPAUSE_AND_CLEAR));
        }
        if (r.canaryStrategy() && index.isPresent()) {
            // Mid-step (analysis or waiting for a weight): clear pause conditions or move the step, never both.
            int step = next(r, index.get());
            return new RolloutPatches("promote",
                    Optional.of("{\"status\":{\"pauseConditions\":null,\"currentStepIndex\":" + step + "}}"), spec,
                    Optional.of("{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null,\"currentStepIndex\":"
                            + step + "}}"));
        }
        return new RolloutPatches("promote", Optional.empty(), spec, Optional.of(UNPAUSE_AND_CLEAR));
    }

    /** {@code promote --full}: skip the remaining steps and analysis; the canary becomes stable. */
    public static RolloutPatches promoteFull(ArgoRollout r) {
        return new RolloutPatches("promote --full", r.updating() ? Optional.of(PROMOTE_FULL) : Optional.empty(),
                r.specPaused() ? Optional.of(UNPAUSE) : Optional.empty(), Optional.of(UNPAUSE_AND_PROMOTE_FULL));
    }

    /** {@code abort}: traffic and replicas back to stable; the Rollout goes Degraded until retried or updated. */
    public static RolloutPatches abort() {
        return new RolloutPatches("abort", Optional.of(ABORT), Optional.empty(), Optional.of(ABORT));
    }

    /** {@code retry rollout}: an aborted update starts again from the first step. */
    public static RolloutPatches retry() {
        return new RolloutPatches("retry rollout", Optional.of(RETRY), Optional.empty(), Optional.of(RETRY));
    }

    /** {@code restart}: the controller replaces every pod created before {@code at} (RFC 3339, seconds). */
    public static RolloutPatches restart(Instant at) {
        String time = DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
        return new RolloutPatches("restart", Optional.empty(),
                Optional.of("{\"spec\":{\"restartAt\":\"" + time + "\"}}"), Optional.empty());
    }

    private static int next(ArgoRollout r, int index) {
        return index < r.steps().size() ? index + 1 : index;
    }
}
