package dev.coalmine.core.judge;

/**
 * Kayenta-style settings of the canary-versus-control comparison.
 *
 * @param confidence    a difference is significant when the two-sided p-value is below {@code 1 - confidence}
 * @param minPoints     fewer points than this on either side is too little data: inconclusive, never pass
 * @param passScore     a score (share of passing metrics × 100) at or above this passes
 * @param marginalScore a score at or above this (and below the pass score) is inconclusive; below it fails
 */
public record StatisticalPolicy(double confidence, int minPoints, double passScore, double marginalScore) {
    public StatisticalPolicy {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (e.g. 0.98), got " + confidence);
        }
        if (minPoints < 3) {
            throw new IllegalArgumentException("at least 3 points per side are needed for a comparison, got " + minPoints);
        }
        if (!(marginalScore >= 0 && marginalScore <= passScore && passScore <= 100)) {
            throw new IllegalArgumentException("scores must satisfy 0 ≤ marginal ≤ pass ≤ 100, got marginal "
                    + marginalScore + " and pass " + passScore);
        }
    }

    /** Confidence 0.98, at least 5 points, pass at 95, marginal at 75. */
    public static StatisticalPolicy defaults() {
        return new StatisticalPolicy(0.98, 5, 95, 75);
    }

    public StatisticalPolicy withConfidence(double value) {
        return new StatisticalPolicy(value, minPoints, passScore, marginalScore);
    }

    public StatisticalPolicy withMinPoints(int value) {
        return new StatisticalPolicy(confidence, value, passScore, marginalScore);
    }
}
