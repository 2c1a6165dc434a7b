package dev.coalmine.core.release;

import dev.coalmine.core.judge.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One verdict of the automatic judge as stored with the release: what the console and {@code canary status} show.
 *
 * @param at      when the interval was judged
 * @param check   the number of the analysis check (1, 2, …)
 * @param outcome pass, inconclusive, error or fail
 * @param reasons in plain words, worst first
 * @param score   the statistical score (share of passing metrics × 100), or null when nothing was compared
 */
public record RecordedVerdict(Instant at, int check, Verdict.Outcome outcome, List<String> reasons, Double score) {
    public RecordedVerdict {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The judge's verdict as the judge package knows it. */
    public Verdict verdict() {
        return new Verdict(outcome, reasons);
    }

    /** "pass", "fail", … */
    public String outcomeWord() {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** One line: outcome, score and reasons. */
    public String summary() {
        String scored = score == null || score.isNaN() ? "" : String.format(Locale.ROOT, " (score %.0f)", score);
        return outcomeWord() + scored + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }
}
