package dev.coalmine.core.argo;

/** The AnalysisRun of the current step as the Rollout reports it ({@code status.canary.currentStepAnalysisRunStatus}). */
public record StepAnalysis(String name, String status, String message) {
    public boolean inconclusive() {
        return AnalysisPhases.INCONCLUSIVE.equals(status);
    }
}
