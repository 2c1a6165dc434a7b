package dev.coalmine.bench;

import dev.coalmine.benchreport.BenchResult;
import dev.coalmine.benchreport.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints one {@code BENCH} line per benchmark and adds the result, with its reference named exactly, to
 * {@code target/bench/results.json}.
 */
public final class BenchReport {
    private static final ResultsFile RESULTS = new ResultsFile(Path.of("target", "bench", "results.json"));

    static {
        RESULTS.startRun(System.getProperty("bench.run"));
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
     * @param reference what ours is compared with, named exactly (binary and version, cache state)
     */
    public static String record(String name, double ours, double ref, String unit, String goal, boolean passes,
            String reference) {
        return record(name, ours, ref, unit, goal, passes, "", reference);
    }

    /** @param note further figures of this benchmark, e.g. "heap=23.1MB"; printed after PASS|FAIL */
    public static String record(String name, double ours, double ref, String unit, String goal, boolean passes,
            String note, String reference) {
        ConsoleJvm.requireConsoleCollector();
        BenchResult result = BenchResult.of(name, ours, ref, unit, goal, passes, note, reference, machine());
        System.out.println(result.line());
        System.out.println("  reference: " + reference);
        RESULTS.append(result);
        return result.line();
    }

    public static boolean ratioAtMost(double ours, double ref, double limit) {
        return ref > 0 && ours / ref <= limit;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + " (" + ConsoleJvm.collectors()
                + ")" + loadAverage();
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
