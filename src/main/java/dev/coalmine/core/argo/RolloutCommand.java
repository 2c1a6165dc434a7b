package dev.coalmine.core.argo;

import java.time.Instant;

/** The five commands the console and {@code coalmine rollout} offer, named as {@code kubectl argo rollouts} names them. */
public enum RolloutCommand {
    PROMOTE("Promote", "promote"),
    PROMOTE_FULL("Promote fully", "promote --full"),
    ABORT("Abort", "abort"),
    RETRY("Retry", "retry rollout"),
    RESTART("Restart", "restart");

    private final String label;
    private final String command;

    RolloutCommand(String label, String command) {
        this.label = label;
        this.command = command;
    }

    public String label() {
        return label;
    }

    /** As the plugin's command line says it. */
    public String command() {
        return command;
    }

    /** The patches the plugin would send to this Rollout now. */
    public RolloutPatches patchesFor(ArgoRollout rollout, Instant now) {
        return switch (this) {
            case PROMOTE -> RolloutCommands.promote(rollout);
            case PROMOTE_FULL -> RolloutCommands.promoteFull(rollout);
            case ABORT -> RolloutCommands.abort();
            case RETRY -> RolloutCommands.retry();
            case RESTART -> RolloutCommands.restart(now);
        };
    }

    /** Whether the command means something for the Rollout in this state (the console disables it otherwise). */
    public boolean appliesTo(ArgoRollout rollout) {
        return switch (this) {
            case PROMOTE, PROMOTE_FULL, ABORT -> rollout.updating() && !rollout.abort();
            case RETRY -> rollout.abort();
            case RESTART -> !rollout.updating();
        };
    }

    /** What the command makes the controller do, for the confirmation. */
    public String effect() {
        return switch (this) {
            case PROMOTE -> "The controller leaves the current pause (or skips the current step) and goes on with the next step.";
            case PROMOTE_FULL -> "The controller skips every remaining step and analysis: the canary becomes stable at once.";
            case ABORT -> "The controller shifts all traffic back to stable and scales the canary down; the Rollout is Degraded until retried or updated.";
            case RETRY -> "The controller starts the aborted update again from the first step.";
            case RESTART -> "The controller replaces every pod of the Rollout created before now, a few at a time.";
        };
    }
}
