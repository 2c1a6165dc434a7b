package dev.coalmine.core.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The judge's answer with its reasons in plain words and, row by row, the findings behind it. No data is never a
 * pass: it is {@link Outcome#INCONCLUSIVE}; a metric source that failed gives {@link Outcome#ERROR}.
 */
public record Verdict(Outcome outcome, List<String> reasons, List<Finding> findings) {
    /** Declared from best to worst, so combining verdicts keeps the worst. */
    public enum Outcome {
        PASS, INCONCLUSIVE, ERROR, FAIL;

        /** "pass", "fail", … */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        if (outcome == null) {
            throw new IllegalArgumentException("a verdict needs an outcome");
        }
        reasons = List.copyOf(reasons);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A verdict in words only. */
    public Verdict(Outcome outcome, List<String> reasons) {
        this(outcome, reasons, List.of());
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
        return outcome.word() + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }

    /**
     * The rule that decided the outcome: the first finding that came out as the verdict did (findings are worst
     * first). Empty for a pass, which every rule decided together, and for a verdict without findings.
     */
    public Optional<Finding> decidingFinding() {
        return decidingFinding(outcome, findings);
    }

    static Optional<Finding> decidingFinding(Outcome outcome, List<Finding> findings) {
        return outcome == Outcome.PASS ? Optional.empty()
                : findings.stream().filter(f -> f.outcome() == outcome).findFirst();
    }

    /** The worst of the verdicts; the reasons and findings of the worst ones come first. */
    public static Verdict combine(Verdict... verdicts) {
        if (verdicts.length == 0) {
            return inconclusive("nothing was checked");
        }
        List<Verdict> worstFirst = Arrays.stream(verdicts)
                .sorted(Comparator.comparing(Verdict::outcome).reversed()).toList();
        List<String> reasons = new ArrayList<>();
        worstFirst.forEach(v -> reasons.addAll(v.reasons()));
        List<Finding> findings = new ArrayList<>();
        worstFirst.forEach(v -> findings.addAll(v.findings()));
        findings.sort(Comparator.comparing(Finding::outcome).reversed());
        return new Verdict(worstFirst.get(0).outcome(), reasons, findings);
    }
}
