package dev.coalmine.core.judge;

import dev.coalmine.core.judge.Finding.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One Flagger-style check of the canary against fixed limits; a limit the policy leaves empty is not checked. The
 * rates are the latest interval's; the restarts count since the canary's pods started.
 */
public final class ThresholdCheck {
    private static final String LAST_INTERVAL = " over the " + Window.LAST_INTERVAL.words();

    private final ThresholdPolicy policy;

    public ThresholdCheck(ThresholdPolicy policy) {
        this.policy = policy;
    }

    public Verdict check(CanaryReading reading) {
        return check(reading, "");
    }

    /**
     * @param latencyStatistic what the reading's latency aggregates ("p99", "mean"), named in its rule so that the
     *                         row reads like the chart and the tile; "" when unknown
     */
    public Verdict check(CanaryReading reading, String latencyStatistic) {
        Rows rows = new Rows();
        if (policy.minSuccessRatePercent().isPresent()) {
            compare(MetricSpec.successRate(), reading.successRatePercent(), policy.minSuccessRatePercent().getAsDouble(),
                    false, rows);
        }
        if (policy.maxLatencyMs().isPresent()) {
            compare(MetricSpec.latency().withStatistic(latencyStatistic), reading.latencyMs(), policy.maxLatencyMs().getAsDouble(),
                    true, rows);
        }
        if (policy.checksRequests() && fewRequests(reading)) {
            double requests = reading.requests().getAsDouble();
            rows.add(Verdict.Outcome.INCONCLUSIVE, String.format(Locale.ROOT, "only %.0f canary requests%s, fewer than "
                    + "the %d needed to judge them: lengthen the analysis interval or send more traffic", requests,
                    LAST_INTERVAL, policy.minRequests()), new Finding("requests ≥ " + policy.minRequests(),
                    Window.LAST_INTERVAL, String.format(Locale.ROOT, "%.0f", requests), "", "≥ " + policy.minRequests(),
                    Verdict.Outcome.INCONCLUSIVE, "too few to judge the rates"));
        }
        int restarts = reading.restarts();
        boolean tooMany = restarts > policy.maxCanaryRestarts();
        String reason = tooMany ? String.format(Locale.ROOT, "canary containers restarted %d time%s (allowed: %d)",
                restarts, restarts == 1 ? "" : "s", policy.maxCanaryRestarts())
                : restarts == 0 ? "canary containers did not restart"
                : "canary containers restarted " + restarts + " time(s), within the allowed " + policy.maxCanaryRestarts();
        Verdict.Outcome outcome = tooMany ? Verdict.Outcome.FAIL : Verdict.Outcome.PASS;
        rows.add(outcome, reason, new Finding("restarts ≤ " + policy.maxCanaryRestarts(), Window.CANARY_LIFETIME,
                Integer.toString(restarts), "", "≤ " + policy.maxCanaryRestarts(), outcome, ""));
        return rows.verdict();
    }

    /** Counted, but fewer than needed; none at all is already "no data". */
    private boolean fewRequests(CanaryReading reading) {
        double requests = reading.requests().orElse(Double.NaN);
        return requests > 0 && requests < policy.minRequests();
    }

    private static void compare(MetricSpec metric, OptionalDouble value, double limit, boolean isMaximum, Rows rows) {
        String rule = metric.title() + (isMaximum ? " ≤ " : " ≥ ") + metric.unit().formatPlain(limit);
        if (value.isEmpty()) {
            rows.add(Verdict.Outcome.INCONCLUSIVE, "no " + metric.name() + " data for the canary (no traffic yet?)",
                    new Finding(rule, Window.LAST_INTERVAL, "no data", "", limitText(metric, limit, limit, isMaximum),
                            Verdict.Outcome.INCONCLUSIVE, "no traffic yet?"));
            return;
        }
        double v = value.getAsDouble();
        boolean bad = isMaximum ? v > limit : v < limit;
        String canary = metric.unit().formatApart(v, limit);
        String relation = isMaximum ? (bad ? " is above the maximum " : " is within the maximum ")
                : (bad ? " is below the minimum " : " meets the minimum ");
        Verdict.Outcome outcome = bad ? Verdict.Outcome.FAIL : Verdict.Outcome.PASS;
        rows.add(outcome, "canary " + metric.title() + " " + canary + LAST_INTERVAL + relation
                        + metric.unit().formatApart(limit, v),
                new Finding(rule, Window.LAST_INTERVAL, canary, "", limitText(metric, limit, v, isMaximum), outcome, ""));
    }

    private static String limitText(MetricSpec metric, double limit, double value, boolean isMaximum) {
        return (isMaximum ? "≤ " : "≥ ") + metric.unit().formatApart(limit, value);
    }

    /** The reasons and findings of one check, sorted into failures, missing data and what is fine. */
    private static final class Rows {
        private final List<String> failures = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private final List<String> fine = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        void add(Verdict.Outcome outcome, String reason, Finding finding) {
            (outcome == Verdict.Outcome.FAIL ? failures : outcome == Verdict.Outcome.PASS ? fine : missing).add(reason);
            findings.add(finding);
        }

        Verdict verdict() {
            List<String> reasons = new ArrayList<>(failures);
            reasons.addAll(missing);
            reasons.addAll(fine);
            Verdict.Outcome outcome = !failures.isEmpty() ? Verdict.Outcome.FAIL
                    : !missing.isEmpty() ? Verdict.Outcome.INCONCLUSIVE : Verdict.Outcome.PASS;
            return new Verdict(outcome, reasons, findings);
        }
    }
}
