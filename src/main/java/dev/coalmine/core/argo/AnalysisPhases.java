package dev.coalmine.core.argo;

/** Argo's AnalysisPhase values (pkg/apis/rollouts/v1alpha1/analysis_types.go), shared by runs, metrics and measurements. */
public final class AnalysisPhases {
    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCESSFUL = "Successful";
    public static final String FAILED = "Failed";
    public static final String ERROR = "Error";
    public static final String INCONCLUSIVE = "Inconclusive";

    private AnalysisPhases() {
    }

    /** Whether the phase is a verdict (the run, metric or measurement has finished). */
    public static boolean completed(String phase) {
        return SUCCESSFUL.equals(phase) || FAILED.equals(phase) || ERROR.equals(phase) || INCONCLUSIVE.equals(phase);
    }
}
