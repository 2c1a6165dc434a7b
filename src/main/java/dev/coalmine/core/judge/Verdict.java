package dev.coalmine.core.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The judge's answer with its reasons in plain words. No data is never a pass: it is {@link Outcome#INCONCLUSIVE};
 * a metric source that failed gives {@link Outcome#ERROR}.
 */
public record Verdict(Outcome outcome, List<String> reasons) {
    /** Declared from best to worst, so combining verdicts keeps the worst. */
    public enum Outcome {
        PASS, INCONCLUSIVE, ERROR, FAIL
    }

    public Verdict {
        if (outcome == null) {
            throw new IllegalArgumentException("a verdict needs an outcome");
        }
        reasons = List.copyOf(reasons);
    }

    public static Verdict pass(String... reasons) {
        return new Verdict(Outcome.PASS, List.of(reasons));
    }

    public static Verdict fail(String... reasons) {
        return new Verdict(Outcome.FAIL, List.of(reasons));
    }

    public static Verdict inconclusive(String... reasons) {
        return new Verdict(Outcome.INCONCLUSIVE, List.of(reasons));
    }

    public static Verdict error(String... reasons) {
        return new Verdict(Outcome.ERROR, List.of(reasons));
    }

    public boolean isPass() {
        return outcome == Outcome.PASS;
    }

    /** The reasons on one line, for a status column or a log. */
    public String summary() {
        return outcome.name().toLowerCase(Locale.ROOT) + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }

    /** The worst of the verdicts; the reasons of the worst ones come first. */
    public static Verdict combine(Verdict... verdicts) {
        if (verdicts.length == 0) {
            return inconclusive("nothing was checked");
        }
        List<Verdict> worstFirst = Arrays.stream(verdicts)
                .sorted(Comparator.comparing(Verdict::outcome).reversed()).toList();
        List<String> reasons = new ArrayList<>();
        worstFirst.forEach(v -> reasons.addAll(v.reasons()));
        return new Verdict(worstFirst.get(0).outcome(), reasons);
    }
}
