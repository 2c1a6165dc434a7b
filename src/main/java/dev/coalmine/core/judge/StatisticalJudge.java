package dev.coalmine.core.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Kayenta-style comparison of the canary with a control track (the baseline when there is one, else stable):
 * per metric a two-sided Mann-Whitney U test, an effect-size tolerance, a direction; then a score.
 */
public final class StatisticalJudge {
    private static final String ANALYSIS = " over the " + Finding.Window.ANALYSIS.words();
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final StatisticalPolicy policy;
    private final MannWhitneyUTest test = MannWhitneyUTest.withDefaults();

    public StatisticalJudge(StatisticalPolicy policy) {
        this.policy = policy;
    }

    /** The control the canary is compared with: the baseline when the release has one, else stable. */
    public static Track controlFor(boolean releaseHasBaseline) {
        return releaseHasBaseline ? Track.BASELINE : Track.STABLE;
    }

    public ComparisonReport compare(List<MetricSamples> samples, Track control) {
        if (control == Track.CANARY) {
            throw new IllegalArgumentException("the canary cannot be its own control");
        }
        List<MetricComparison> results = samples.stream().map(s -> compare(s, control)).toList();
        if (results.isEmpty()) {
            return new ComparisonReport(control, results, Double.NaN, Verdict.inconclusive("no metrics to compare"));
        }
        double score = 100.0 * results.stream().filter(MetricComparison::passed).count() / results.size();
        return new ComparisonReport(control, results, score, verdictOf(results, score, control.label()));
    }

    /** One metric: PASS, HIGH, LOW or NO_DATA, with the reason. */
    public MetricComparison compare(MetricSamples samples, Track control) {
        MetricSpec metric = samples.metric();
        double[] canary = samples.of(Track.CANARY).values();
        double[] reference = samples.of(control).values();
        String controlName = control.label();
        if (canary.length < policy.minPoints() || reference.length < policy.minPoints()) {
            String reason = String.format(Locale.ROOT, "not enough data for %s" + ANALYSIS
                    + ": canary %d point%s, %s %d (at least %d needed)", metric.title(), canary.length, canary.length == 1 ? "" : "s", controlName, reference.length, policy.minPoints());
            return new MetricComparison(metric, Classification.NO_DATA, false, canary.length, reference.length,
                    mean(canary), mean(reference), Double.NaN, reason);
        }
        double canaryMean = mean(canary);
        double controlMean = mean(reference);
        double overlap = Math.max(samples.overlap(Track.CANARY), samples.overlap(control));
        double p = pValue(canary, reference, overlap);
        double relative = relativeDifference(canaryMean, controlMean);
        boolean significant = p < 1 - policy.confidence();
        Classification classification = !significant || Math.abs(relative) <= metric.tolerance() ? Classification.PASS
                : canaryMean > controlMean ? Classification.HIGH : Classification.LOW;
        boolean passed = metric.direction().tolerates(classification);
        String values = metric.title() + ANALYSIS + ": canary " + metric.unit().formatApart(canaryMean, controlMean)
                + " vs " + controlName + " " + metric.unit().formatApart(controlMean, canaryMean);
        String reason;
        if (!passed) {
            reason = String.format(Locale.ROOT, "%s, %s: canary too %s (%s, tolerance %s)", values, formatP(p),
                    classification == Classification.HIGH ? "high" : "low", formatRelative(relative), percent(metric.tolerance()));
        } else if (!significant) {
            reason = values + ", no significant difference (" + formatP(p) + independence(canary.length, reference.length, overlap) + ")";
        } else if (classification == Classification.PASS) {
            reason = values + ", " + formatP(p) + " but within the " + percent(metric.tolerance()) + " tolerance";
        } else {
            reason = values + ", " + (classification == Classification.HIGH ? "higher" : "lower")
                    + " (" + formatP(p) + "), which is not a problem for this metric";
        }
        return new MetricComparison(metric, classification, passed, canary.length, reference.length,
                canaryMean, controlMean, p, reason);
    }

    /**
     * The test's two-sided p-value. When each request counts in {@code overlap} consecutive points, n points hold
     * about n / overlap independent observations: one slow second moves several points at once, and taking them as
     * independent made a healthy canary's latency look significantly worse. So the test's z is shrunk by
     * √overlap (the design effect of a moving window) before it becomes a p-value.
     */
    private double pValue(double[] canary, double[] reference, double overlap) {
        // Two constant, equal samples: every value is tied, the test's variance is zero and it has no p-value.
        if (allEqual(canary, reference)) {
            return 1.0;
        }
        double p = test.test(canary, reference).getPValue();
        if (Double.isNaN(p)) {
            return 1.0;
        }
        if (overlap <= 1 || p >= 1) {
            return p;
        }
        double z = STANDARD_NORMAL.inverseSurvivalProbability(p / 2);
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(z / Math.sqrt(overlap)));
    }

    /** Why few points can say little: how many independent windows overlapping points amount to. */
    private static String independence(int canaryPoints, int controlPoints, double overlap) {
        if (overlap < 1.5) {
            return "";
        }
        int points = Math.min(canaryPoints, controlPoints);
        return String.format(Locale.ROOT, "; %d overlapping points ≈ %d independent", points,
                Math.max(1, Math.round(points / overlap)));
    }

    private Verdict verdictOf(List<MetricComparison> results, double score, String controlName) {
        List<String> failing = reasons(results, r -> !r.passed() && r.classification() != Classification.NO_DATA);
        List<String> noData = reasons(results, r -> r.classification() == Classification.NO_DATA);
        List<String> passing = reasons(results, MetricComparison::passed);
        String scoreLine = String.format(Locale.ROOT, "comparison score %.0f (pass ≥ %.0f, marginal ≥ %.0f)",
                score, policy.passScore(), policy.marginalScore());
        Verdict words = verdictInWords(results, score, failing, noData, passing, scoreLine);
        List<Finding> findings = new ArrayList<>(results.stream().map(r -> finding(r, controlName)).toList());
        boolean criticalFailed = words.outcome() == Verdict.Outcome.FAIL && results.stream().anyMatch(
                r -> r.metric().critical() && !r.passed() && r.classification() != Classification.NO_DATA);
        String marginal = String.format(Locale.ROOT, "marginal ≥ %.0f", policy.marginalScore());
        findings.add(new Finding("comparison score", Finding.Window.ANALYSIS,
                results.stream().allMatch(r -> r.classification() == Classification.NO_DATA) ? "none"
                        : String.format(Locale.ROOT, "%.0f", score), "",
                String.format(Locale.ROOT, "≥ %.0f", policy.passScore()), words.outcome(),
                criticalFailed ? "a critical metric failed" : marginal));
        return new Verdict(words.outcome(), words.reasons(), findings);
    }

    /** One metric's row: the means over the analysis so far, the tolerance it had, and what the test found. */
    private Finding finding(MetricComparison r, String controlName) {
        MetricSpec metric = r.metric();
        String limit = switch (metric.direction()) {
            case HIGHER_IS_BAD -> "≤ +" + percent(metric.tolerance());
            case LOWER_IS_BAD -> "≥ −" + percent(metric.tolerance());
            case EITHER_IS_BAD -> "± " + percent(metric.tolerance());
        };
        if (r.classification() == Classification.NO_DATA) {
            return new Finding(metric.title() + " vs " + controlName, Finding.Window.ANALYSIS, r.canaryPoints() + " points",
                    r.controlPoints() + " points", limit, Verdict.Outcome.INCONCLUSIVE,
                    "at least " + policy.minPoints() + " points needed on each side");
        }
        String note = formatRelative(relativeDifference(r.canaryMean(), r.controlMean())) + ", " + formatP(r.pValue())
                + (r.pValue() < 1 - policy.confidence() ? "" : " (not significant)");
        return new Finding(metric.title() + " vs " + controlName, Finding.Window.ANALYSIS,
                metric.unit().formatApart(r.canaryMean(), r.controlMean()),
                metric.unit().formatApart(r.controlMean(), r.canaryMean()), limit,
                r.passed() ? Verdict.Outcome.PASS : Verdict.Outcome.FAIL, note);
    }

    private Verdict verdictInWords(List<MetricComparison> results, double score, List<String> failing,
                                   List<String> noData, List<String> passing, String scoreLine) {
        boolean criticalFailed = results.stream()
                .anyMatch(r -> r.metric().critical() && !r.passed() && r.classification() != Classification.NO_DATA);
        if (criticalFailed) {
            return new Verdict(Verdict.Outcome.FAIL, join(failing, noData, passing, List.of(scoreLine + ", a critical metric failed")));
        }
        if (!noData.isEmpty()) {
            return new Verdict(Verdict.Outcome.INCONCLUSIVE, join(noData, failing, passing, List.of(scoreLine)));
        }
        if (score >= policy.passScore()) {
            return new Verdict(Verdict.Outcome.PASS, join(passing, List.of(scoreLine)));
        }
        if (score >= policy.marginalScore()) {
            return new Verdict(Verdict.Outcome.INCONCLUSIVE, join(failing, passing, List.of(scoreLine + ": marginal")));
        }
        return new Verdict(Verdict.Outcome.FAIL, join(failing, passing, List.of(scoreLine)));
    }

    private static List<String> reasons(List<MetricComparison> results, Predicate<MetricComparison> which) {
        return results.stream().filter(which).map(MetricComparison::reason).toList();
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        List<String> all = new ArrayList<>();
        Arrays.stream(parts).forEach(all::addAll);
        return all;
    }

    private static boolean allEqual(double[] a, double[] b) {
        double first = a[0];
        return Arrays.stream(a).allMatch(v -> v == first) && Arrays.stream(b).allMatch(v -> v == first);
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double relativeDifference(double canary, double control) {
        if (canary == control) {
            return 0;
        }
        return control == 0 ? Math.copySign(Double.POSITIVE_INFINITY, canary) : (canary - control) / Math.abs(control);
    }

    static String formatP(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    private static String formatRelative(double relative) {
        if (Double.isInfinite(relative)) {
            return relative > 0 ? "up from zero" : "down from zero";
        }
        return (relative > 0 ? "+" : "−") + percent(Math.abs(relative));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
