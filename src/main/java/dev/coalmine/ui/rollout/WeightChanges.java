package dev.coalmine.ui.rollout;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.ui.metrics.ComparisonChart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a weighted release changed the canary's weight, read from its step log (the engine writes a line for each
 * weight before it applies it): "step 2 of 4: canary 10 % …" and "…: routing 100 % of requests to stable".
 */
public final class WeightChanges {
    private static final Pattern STEP = Pattern.compile("^step \\d+ of \\d+: canary (\\d+) %");
    private static final String ALL_TO_STABLE = "routing 100 % of requests to stable";

    private WeightChanges() {
    }

    public static List<ComparisonChart.Marker> of(ReleaseState release) {
        List<ComparisonChart.Marker> out = new ArrayList<>();
        if (!release.plan().traffic().weighted()) {
            return out;
        }
        for (StepLogEntry entry : release.log()) {
            Matcher step = STEP.matcher(entry.message());
            if (step.find()) {
                out.add(new ComparisonChart.Marker(entry.at().getEpochSecond(), step.group(1) + " %"));
            } else if (entry.message().endsWith(ALL_TO_STABLE)) {
                out.add(new ComparisonChart.Marker(entry.at().getEpochSecond(), "0 % (all to stable)"));
            }
        }
        return out;
    }
}
