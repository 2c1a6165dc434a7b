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
        List<Verdict> parts = new ArrayList<>();
        if (!evidence.sourceErrors().isEmpty()) {
            parts.add(new Verdict(Verdict.Outcome.ERROR, evidence.sourceErrors()));
        }
        parts.add(thresholds.check(evidence.reading()));
        if (!evidence.samples().isEmpty()) {
            parts.add(statistics.compare(evidence.samples(), control).verdict());
        }
        return Verdict.combine(parts.toArray(Verdict[]::new));
    }
}
