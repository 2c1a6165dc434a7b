package dev.coalmine.core.argo;

import java.util.List;

/**
 * One step of a Rollout's canary strategy ({@code spec.strategy.canary.steps[i]}).
 *
 * @param weight        setWeight's percentage, or null
 * @param pauseDuration pause's duration as written ("30s", "10m", 60), "" for a pause until promoted, null if no pause
 * @param templates     the analysis step's template names
 */
public record CanaryStep(int index, Kind kind, Integer weight, String pauseDuration, List<String> templates) {
    public enum Kind {
        SET_WEIGHT, PAUSE, ANALYSIS, OTHER
    }

    public CanaryStep {
        templates = List.copyOf(templates);
    }

    public static CanaryStep setWeight(int index, int weight) {
        return new CanaryStep(index, Kind.SET_WEIGHT, weight, null, List.of());
    }

    public static CanaryStep pause(int index, String duration) {
        return new CanaryStep(index, Kind.PAUSE, null, duration == null ? "" : duration, List.of());
    }

    public static CanaryStep analysis(int index, List<String> templates) {
        return new CanaryStep(index, Kind.ANALYSIS, null, null, templates);
    }

    public static CanaryStep other(int index, String what) {
        return new CanaryStep(index, Kind.OTHER, null, what, List.of());
    }

    /** A pause without a duration waits for {@code promote}. */
    public boolean waitsForPromotion() {
        return kind == Kind.PAUSE && pauseDuration.isEmpty();
    }

    /** "setWeight 20", "pause 30s", "pause (until promoted)", "analysis success-rate". */
    public String describe() {
        return switch (kind) {
            case SET_WEIGHT -> "setWeight " + weight;
            case PAUSE -> pauseDuration.isEmpty() ? "pause (until promoted)" : "pause " + pauseDuration;
            case ANALYSIS -> "analysis " + String.join(", ", templates);
            case OTHER -> pauseDuration;
        };
    }
}
