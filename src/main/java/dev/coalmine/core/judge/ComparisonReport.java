package dev.coalmine.core.judge;

import java.util.List;

/**
 * The canary-versus-control comparison of all metrics.
 *
 * @param score share of passing metrics × 100 (NaN when no metric had data)
 */
public record ComparisonReport(Track control, List<MetricComparison> metrics, double score, Verdict verdict) {
    public ComparisonReport {
        metrics = List.copyOf(metrics);
    }
}
