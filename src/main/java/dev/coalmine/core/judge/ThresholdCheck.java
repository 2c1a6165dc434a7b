package dev.coalmine.core.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** One Flagger-style check of the canary against fixed limits; a limit the policy leaves empty is not checked. */
public final class ThresholdCheck {
    private final ThresholdPolicy policy;

    public ThresholdCheck(ThresholdPolicy policy) {
        this.policy = policy;
    }

    public Verdict check(CanaryReading reading) {
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        if (policy.minSuccessRatePercent().isPresent()) {
            compare("success rate", MetricUnit.PERCENT, reading.successRatePercent(), policy.minSuccessRatePercent().getAsDouble(),
                    false, failures, missing, fine);
        }
        if (policy.maxLatencyMs().isPresent()) {
            compare("latency", MetricUnit.MILLISECONDS, reading.latencyMs(), policy.maxLatencyMs().getAsDouble(),
                    true, failures, missing, fine);
        }
        if (policy.checksRequests() && fewRequests(reading)) {
            missing.add(String.format(Locale.ROOT, "only %.0f canary requests in the interval, fewer than the %d needed "
                    + "to judge them: lengthen the analysis interval or send more traffic", reading.requests().getAsDouble(),
                    policy.minRequests()));
        }
        if (reading.restarts() > policy.maxCanaryRestarts()) {
            failures.add(String.format(Locale.ROOT, "canary containers restarted %d time%s (allowed: %d)",
                    reading.restarts(), reading.restarts() == 1 ? "" : "s", policy.maxCanaryRestarts()));
        } else {
            fine.add(reading.restarts() == 0 ? "canary containers did not restart"
                    : "canary containers restarted " + reading.restarts() + " time(s), within the allowed " + policy.maxCanaryRestarts());
        }

        if (!failures.isEmpty()) {
            return new Verdict(Verdict.Outcome.FAIL, concat(failures, missing, fine));
        }
        if (!missing.isEmpty()) {
            return new Verdict(Verdict.Outcome.INCONCLUSIVE, concat(missing, fine));
        }
        return new Verdict(Verdict.Outcome.PASS, fine);
    }

    /** Counted, but fewer than needed; none at all is already "no data". */
    private boolean fewRequests(CanaryReading reading) {
        double requests = reading.requests().orElse(Double.NaN);
        return requests > 0 && requests < policy.minRequests();
    }

    private static void compare(String metric, MetricUnit unit, OptionalDouble value, double limit, boolean isMaximum,
                                List<String> failures, List<String> missing, List<String> fine) {
        if (value.isEmpty()) {
            missing.add("no " + metric + " data for the canary (no traffic yet?)");
            return;
        }
        double v = value.getAsDouble();
        boolean bad = isMaximum ? v > limit : v < limit;
        String text = "canary " + metric + " " + unit.format(v);
        String relation = isMaximum ? (bad ? " is above the maximum " : " is within the maximum ")
                : (bad ? " is below the minimum " : " meets the minimum ");
        (bad ? failures : fine).add(text + relation + unit.format(limit));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
