package dev.coalmine.core.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One Flagger-style check of the canary against fixed limits. */
public final class ThresholdCheck {
    private final ThresholdPolicy policy;

    public ThresholdCheck(ThresholdPolicy policy) {
        this.policy = policy;
    }

    public Verdict check(CanaryReading reading) {
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        String minRate = MetricUnit.PERCENT.format(policy.minSuccessRatePercent());

        if (reading.successRatePercent().isEmpty()) {
            missing.add("no success rate data for the canary (no traffic yet?)");
        } else {
            double rate = reading.successRatePercent().getAsDouble();
            String text = "canary success rate " + MetricUnit.PERCENT.format(rate);
            (rate < policy.minSuccessRatePercent() ? failures : fine)
                    .add(text + (rate < policy.minSuccessRatePercent() ? " is below the minimum " : " meets the minimum ") + minRate);
        }
        if (policy.maxLatencyMs().isPresent()) {
            double max = policy.maxLatencyMs().getAsDouble();
            if (reading.latencyMs().isEmpty()) {
                missing.add("no latency data for the canary");
            } else {
                double latency = reading.latencyMs().getAsDouble();
                String text = "canary latency " + MetricUnit.MILLISECONDS.format(latency);
                (latency > max ? failures : fine).add(text + (latency > max ? " is above the maximum " : " is within the maximum ")
                        + MetricUnit.MILLISECONDS.format(max));
            }
        }
        if (reading.restarts() > policy.maxCanaryRestarts()) {
            failures.add(String.format(Locale.ROOT, "canary containers restarted %d time%s (allowed: %d)",
                    reading.restarts(), reading.restarts() == 1 ? "" : "s", policy.maxCanaryRestarts()));
        }

        if (!failures.isEmpty()) {
            return new Verdict(Verdict.Outcome.FAIL, concat(failures, missing, fine));
        }
        if (!missing.isEmpty()) {
            return new Verdict(Verdict.Outcome.INCONCLUSIVE, concat(missing, fine));
        }
        return new Verdict(Verdict.Outcome.PASS, fine);
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
