package dev.coalmine.core.release;

import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One verdict of the automatic judge as stored with the release: what the console and {@code canary status} show.
 *
 * @param at       when the interval was judged
 * @param check    the number of the analysis check (1, 2, …)
 * @param outcome  pass, inconclusive, error or fail
 * @param reasons  in plain words, worst first
 * @param score    the statistical score (share of passing metrics × 100), or null when nothing was compared
 * @param findings the verdict row by row (rule, window, canary, control, limit, outcome), worst first; empty for
 *                 verdicts stored before findings were
 */
public record RecordedVerdict(Instant at, int check, Verdict.Outcome outcome, List<String> reasons, Double score,
                              List<Finding> findings) {
    public RecordedVerdict {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A verdict in words only. */
    public RecordedVerdict(Instant at, int check, Verdict.Outcome outcome, List<String> reasons, Double score) {
        this(at, check, outcome, reasons, score, List.of());
    }

    /** The judge's verdict as the judge package knows it. */
    public Verdict verdict() {
        return new Verdict(outcome, reasons, findings);
    }

    /** "pass", "fail", … */
    public String outcomeWord() {
        return outcome.word();
    }

    /** The rule that decided a verdict other than a pass (see {@link Verdict#decidingFinding()}). */
    public Optional<Finding> decidingFinding() {
        return verdict().decidingFinding();
    }

    /**
     * What the verdict came to and which rule decided it, in one short line: "check 3 failed: success rate ≥ 99 %
     * (last interval): canary 98.96 %", "check 4 passed: all 5 rules passed"; a verdict stored without findings gets
     * only "check 3 failed" (its reasons say why).
     */
    public String headline() {
        String verb = switch (outcome) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case INCONCLUSIVE -> "was inconclusive";
            case ERROR -> "could not be judged";
        };
        String head = "check " + check + " " + verb;
        Optional<Finding> deciding = decidingFinding();
        if (deciding.isPresent()) {
            Finding f = deciding.get();
            String window = f.window().words().isEmpty() ? "" : " (" + f.window().words() + ")";
            String figures = f.canary().isEmpty() ? f.note()
                    : "canary " + f.canary() + (f.control().isEmpty() ? "" : " vs " + f.control())
                    + (f.limit().isEmpty() ? "" : ", limit " + f.limit());
            return head + " on " + f.rule() + window + ": " + figures;
        }
        if (outcome == Verdict.Outcome.PASS && !findings.isEmpty()) {
            return head + ": all " + findings.size() + " rules passed";
        }
        // A verdict stored before findings were: its reasons say the rest.
        return head;
    }

    /** The headline, followed by the reasons when there are no findings to name the deciding rule. */
    public String why() {
        return findings.isEmpty() && !reasons.isEmpty() ? headline() + ": " + String.join("; ", reasons) : headline();
    }

    /** One line: outcome and reasons (the comparison score is one of them). */
    public String summary() {
        return outcomeWord() + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }
}
