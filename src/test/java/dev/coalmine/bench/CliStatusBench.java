package dev.coalmine.bench;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of one {@code coalmine canary status DEPLOYMENT -o json} through the packaged CLI launcher
 * ({@code bin/kubectl-coalmine} of the app image, with its class-data-sharing archive) against the real kubectl's
 * {@code get deploy DEPLOYMENT -o json} with a warm discovery cache, on the same demo cluster, alternating. Runs after
 * the app image is built: {@code mvn -B -Pbench,package verify}.
 */
@Tag("packaged")
class CliStatusBench {
    private static final int REPETITIONS = 7;
    private static final Path IMAGE = Path.of("target", "dist", "Coalmine");
    private static final Path CLI_LAUNCHER = IMAGE.resolve("bin/kubectl-coalmine");
    private static final Path CONSOLE_LAUNCHER = IMAGE.resolve("bin/Coalmine");
    private static final Path ARCHIVE = IMAGE.resolve("lib/app/coalmine.jsa");

    @Test
    void cliStatus() throws Exception {
        if (!Files.isExecutable(CLI_LAUNCHER) || !Files.isRegularFile(ARCHIVE)) {
            throw new IllegalStateException("cli-status measures the packaged launcher " + CLI_LAUNCHER
                    + " and its archive " + ARCHIVE + ": build them first (mvn -B -Pbench,package verify)");
        }
        double[] ours = new double[REPETITIONS];
        double[] viaConsoleLauncher = new double[REPETITIONS];
        double[] ref = new double[REPETITIONS];
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            Path home = Files.createTempDirectory("bench-cli-home");
            Path kubeconfig = home.resolve("kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            BenchKubectl kubectl = new BenchKubectl(kubeconfig);
            kubectl.run("get", "deploy", "shop-api", "-o", "json"); // fills its discovery cache
            List<String> status = List.of("canary", "status", "shop-api", "-o", "json");
            seconds(home, kubeconfig, CLI_LAUNCHER, status); // the first run maps the archive into the page cache
            for (int i = 0; i < REPETITIONS; i++) {
                ours[i] = seconds(home, kubeconfig, CLI_LAUNCHER, status);
                ref[i] = timed(() -> kubectl.run("get", "deploy", "shop-api", "-o", "json"));
                viaConsoleLauncher[i] = seconds(home, kubeconfig, CONSOLE_LAUNCHER, status);
            }
        }
        double oursMedian = BenchReport.median(ours) * 1000;
        double refMedian = BenchReport.median(ref) * 1000;
        BenchReport.record("cli-status", oursMedian, refMedian, "ms", "ratio<=4.0",
                BenchReport.ratioAtMost(oursMedian, refMedian, 4.0),
                String.format(Locale.ROOT, "console-launcher=%.0fms", BenchReport.median(viaConsoleLauncher) * 1000),
                BenchKubectl.name() + " get deploy shop-api -o json, warm discovery cache; ours: "
                        + CLI_LAUNCHER + " canary status shop-api -o json (class-data-sharing archive, C1 only)");
    }

    private static double seconds(Path home, Path kubeconfig, Path launcher, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("HOME", home.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("\"shop-api\"")) {
            process.destroyForcibly();
            throw new IllegalStateException(launcher + " " + String.join(" ", args) + " failed: " + output);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
