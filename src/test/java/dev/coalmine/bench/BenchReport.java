package dev.coalmine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints one {@code BENCH} line per benchmark and appends it to {@code target/bench/results.json}
 * (a JSON array rewritten on each record, so a partial run still leaves valid JSON).
 */
public final class BenchReport {
    private static final Path RESULTS = Path.of("target", "bench", "results.json");
    private static final Path LINES = Path.of("target", "bench", "results.jsonl");

    static {
        try {
            Files.deleteIfExists(LINES);
            Files.deleteIfExists(RESULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BenchReport() {
    }

    /** The median of the repetitions. */
    public static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * @param goal      how the goal reads, e.g. "ratio<=1.5"
     * @param passes    whether the goal was met
     */
    public static String record(String name, double ours, double ref, String unit, String goal, boolean passes) {
        return record(name, ours, ref, unit, goal, passes, "");
    }

    /** @param note further figures of this benchmark, e.g. "heap=23.1MB"; printed after PASS|FAIL */
    public static synchronized String record(String name, double ours, double ref, String unit, String goal,
            boolean passes, String note) {
        double ratio = ref == 0 ? Double.POSITIVE_INFINITY : ours / ref;
        String line = String.format(Locale.ROOT, "BENCH %s ours=%.2f%s ref=%.2f%s ratio=%.3f goal=%s %s",
                name, ours, unit, ref, unit, ratio, goal, passes ? "PASS" : "FAIL") + (note.isEmpty() ? "" : " " + note);
        System.out.println(line);
        String json = String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"ours\":%.4f,\"ref\":%.4f,\"unit\":\"%s\",\"ratio\":%.4f,\"goal\":\"%s\","
                        + "\"result\":\"%s\",\"note\":\"%s\",\"machine\":\"%s\"}",
                name, ours, ref, unit, ratio, goal, passes ? "PASS" : "FAIL", note, machine());
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(LINES, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.writeString(RESULTS, "[\n" + String.join(",\n", Files.readAllLines(LINES)) + "\n]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }

    public static boolean ratioAtMost(double ours, double ref, double limit) {
        return ref > 0 && ours / ref <= limit;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + loadAverage();
    }

    /** Other work on the machine shifts every figure: the 1-minute load average when the result was taken. */
    private static String loadAverage() {
        try {
            return ", load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
