package dev.coalmine.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * From process start until the console's main window is shown and answers (the real {@code App.main}, no
 * kubeconfig: the demo cluster), against a bare JavaFX window with one label: separate JVMs, the same flags
 * (the headless Monocle settings of the test run), alternating.
 */
class StartupBench {
    private static final int REPETITIONS = 5;
    private static final List<String> FLAGS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    @Test
    void startup() throws Exception {
        double[] ours = new double[REPETITIONS];
        double[] oursComplete = new double[REPETITIONS];
        double[] ref = new double[REPETITIONS];
        timeProcess("bare"); // warm the OS file cache for both: the first JVM start reads every jar from disk
        timeProcess("console");
        for (int i = 0; i < REPETITIONS; i++) {
            Timing console = timeProcess("console");
            ours[i] = console.shownMs();
            oursComplete[i] = console.completeMs();
            ref[i] = timeProcess("bare").shownMs();
        }
        double firstFrameMs = BenchReport.median(ours);
        double completeMs = BenchReport.median(oursComplete);
        double refMs = BenchReport.median(ref);
        // The goals: the complete window (workload table filled) within 1.5x a bare window, its first frame 1.2x.
        boolean pass = BenchReport.ratioAtMost(completeMs, refMs, 1.5) && BenchReport.ratioAtMost(firstFrameMs, refMs, 1.2);
        BenchReport.record("startup", completeMs, refMs, "ms", "ratio<=1.5&&first-frame-ratio<=1.2", pass,
                String.format(java.util.Locale.ROOT, "first-frame=%.0fms first-frame-ratio=%.3f", firstFrameMs,
                        firstFrameMs / refMs),
                "a new JVM showing a bare JavaFX window with one label, same classpath and flags (headless Monocle, "
                        + "software rendering), from process start until shown and answering");
    }

    /** From process start: a window showing and answering; the window with all its parts. */
    private record Timing(double shownMs, double completeMs) {
    }

    private static Timing timeProcess(String what) throws Exception {
        Path home = Files.createTempDirectory("bench-startup-home"); // no kubeconfig: the console picks the demo
        List<String> command = new ArrayList<>(List.of(ChildJvm.java()));
        command.addAll(FLAGS);
        command.add(ConsoleJvm.collectorOption()); // both sides start with the packaged console's collector
        command.add("-Duser.home=" + home);
        command.addAll(List.of("-cp", ChildJvm.testClasspath(), StartupProbe.class.getName(), what));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        double shown = Double.NaN;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (line.equals(StartupProbe.SHOWN)) {
                    shown = elapsed;
                } else if (line.equals(StartupProbe.COMPLETE)) {
                    process.waitFor(30, TimeUnit.SECONDS);
                    return new Timing(shown, elapsed);
                } else {
                    output.append(line).append('\n');
                }
            }
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("the " + what + " process ended without showing a window:\n" + output);
    }
}
