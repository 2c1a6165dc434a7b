package dev.coalmine.core.judge;

/**
 * How one metric of the canary compared with the control.
 *
 * @param passed     whether the classification is acceptable in the metric's direction (a lower latency passes)
 * @param pValue     the two-sided Mann-Whitney p-value; NaN when there was too little data
 * @param canaryMean mean of the canary's values; NaN without data (likewise controlMean)
 */
public record MetricComparison(MetricSpec metric, Classification classification, boolean passed,
                               int canaryPoints, int controlPoints, double canaryMean, double controlMean,
                               double pValue, String reason) {
}
