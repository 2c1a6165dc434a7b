package dev.coalmine.core.argo;

/** Why a Rollout is paused ({@code status.pauseConditions[]}): CanaryPauseStep, InconclusiveAnalysisRun, … */
public record PauseCondition(String reason, String startTime) {
    public static final String CANARY_PAUSE_STEP = "CanaryPauseStep";
    public static final String INCONCLUSIVE_ANALYSIS = "InconclusiveAnalysisRun";
}
