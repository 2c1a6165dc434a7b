package dev.coalmine.benchreport;

import java.util.Locale;

/**
 * One benchmark's result as {@code target/bench/results.json} holds it.
 *
 * @param ratio     ours / ref; {@code null} when the reference is zero (JSON has no infinity)
 * @param result    {@code PASS} or {@code FAIL}
 * @param note      further figures, e.g. "heap=23.1MB"; empty when none
 * @param reference what ours is compared with, named exactly (binary and version, cache state)
 * @param machine   cores, OS, Java and the load average when the result was taken
 */
public record BenchResult(String name, double ours, double ref, String unit, Double ratio, String goal,
        String result, String note, String reference, String machine) {

    public static BenchResult of(String name, double ours, double ref, String unit, String goal, boolean passes,
            String note, String reference, String machine) {
        Double ratio = ref == 0 ? null : ours / ref;
        return new BenchResult(name, ours, ref, unit, ratio, goal, passes ? "PASS" : "FAIL", note, reference,
                machine);
    }

    /** {@code BENCH <name> ours= ref= ratio= goal= PASS|FAIL [note]}, the line each benchmark prints. */
    public String line() {
        String ratioText = ratio == null ? "-" : String.format(Locale.ROOT, "%.3f", ratio);
        String line = String.format(Locale.ROOT, "BENCH %s ours=%.2f%s ref=%.2f%s ratio=%s goal=%s %s",
                name, ours, unit, ref, unit, ratioText, goal, result);
        return note.isEmpty() ? line : line + " " + note;
    }
}
