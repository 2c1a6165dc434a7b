package dev.coalmine.core.argo;

import java.util.List;

/**
 * An Argo {@code AnalysisRun} with every metric's result and each measurement
 * (pkg/apis/rollouts/v1alpha1/analysis_types.go: AnalysisRunStatus, MetricResult, Measurement).
 *
 * @param phase the run's verdict so far: Pending, Running, Successful, Failed, Error, Inconclusive
 */
public record AnalysisRun(String name, String phase, String message, String startedAt, List<Metric> metrics) {
    public AnalysisRun {
        metrics = List.copyOf(metrics);
        phase = phase == null || phase.isEmpty() ? AnalysisPhases.PENDING : phase;
    }

    /** One metric's result: its verdict, the counts the controller keeps and the measurements it retained. */
    public record Metric(String name, String phase, String message, int count, int successful, int failed,
            int inconclusive, int error, List<Measurement> measurements) {
        public Metric {
            measurements = List.copyOf(measurements);
        }

        /** "3 measured: 2 successful, 1 failed, 0 inconclusive, 0 error". */
        public String tally() {
            return count + " measured: " + successful + " successful, " + failed + " failed, " + inconclusive
                    + " inconclusive, " + error + " error";
        }
    }

    /** One measurement: its verdict, the value the provider returned and when. */
    public record Measurement(String phase, String value, String message, String startedAt, String finishedAt) {
    }
}
