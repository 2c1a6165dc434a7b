package dev.coalmine.core.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * The automatic judge of one analysis interval: Flagger-style threshold checks and the Kayenta-style comparison
 * with the control track, combined (the worst wins); a source error makes the verdict ERROR, never a pass.
 */
public final class CanaryJudge {
    private final ThresholdCheck thresholds;
    private final StatisticalJudge statistics;

    public CanaryJudge(ThresholdPolicy thresholdPolicy, StatisticalPolicy statisticalPolicy) {
        this.thresholds = new ThresholdCheck(thresholdPolicy);
        this.statistics = new StatisticalJudge(statisticalPolicy);
    }

    public static CanaryJudge withDefaults() {
        return new CanaryJudge(ThresholdPolicy.defaults(), StatisticalPolicy.defaults());
    }

    /** The interval's verdict; {@code control} is the baseline when the release has one, else stable. */
    public Verdict judge(Evidence evidence, Track control) {
        return assess(evidence, control).verdict();
    }

    /** The interval's verdict and the statistical score (NaN when no metric was compared). */
    public Assessment assess(Evidence evidence, Track control) {
        List<Verdict> parts = new ArrayList<>();
        if (!evidence.sourceErrors().isEmpty()) {
            parts.add(new Verdict(Verdict.Outcome.ERROR, evidence.sourceErrors(), evidence.sourceErrors().stream()
                    .map(e -> new Finding("metrics readable", Finding.Window.NONE, "", "", "", Verdict.Outcome.ERROR, e))
                    .toList()));
        }
        parts.add(thresholds.check(evidence.reading(), latencyStatistic(evidence)));
        double score = Double.NaN;
        if (!evidence.samples().isEmpty()) {
            ComparisonReport report = statistics.compare(evidence.samples(), control);
            parts.add(report.verdict());
            // Nothing compared (every metric without enough data) is no score, not a score of 0.
            score = report.metrics().stream().allMatch(m -> m.classification() == Classification.NO_DATA)
                    ? Double.NaN : report.score();
        }
        return new Assessment(Verdict.combine(parts.toArray(Verdict[]::new)), score);
    }

    /** The reading comes from the same source and query as the latency series, so it aggregates the same way. */
    private static String latencyStatistic(Evidence evidence) {
        return evidence.samples().stream().map(MetricSamples::metric).filter(m -> m.name().equals(MetricSpec.LATENCY))
                .map(MetricSpec::statistic).findFirst().orElse("");
    }

    /** A verdict with the score of the canary-versus-control comparison behind it. */
    public record Assessment(Verdict verdict, double score) {
    }
}
