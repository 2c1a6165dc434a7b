package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.metrics.PrometheusProcess;
import dev.coalmine.testing.DemoManifests;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.ReliabilityFigures;
import dev.coalmine.testing.SecretMarkers;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret values planted in a kubeconfig (bearer token, client key), in {@code COALMINE_PROMETHEUS_*} and in a
 * manifest's Secret never come out again: not on stdout or stderr of any command, not in the cluster's Events,
 * ConfigMaps (the release state), Deployments, ReplicaSets, Pods or Leases. The commands run in a JVM of their own
 * with the credentials in its environment, as a user runs them; the automatic judge reads a real Prometheus with them.
 */
class SecretMarkersCliTest {
    private static final String APP = "shop-frontend";
    private static final String IMAGE = "registry.example.com/shop/frontend:";

    @TempDir
    Path dir;

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void noPlantedSecretComesOutOfAnyCommandOrIntoTheCluster() throws Exception {
        long began = System.nanoTime();
        SecretMarkers markers = SecretMarkers.create(dir, cluster);
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), markers.kubeconfig("default"));
        assertThat(markers.find(Files.readString(kubeconfig))).as("the scan finds what was planted")
                .contains("kubeconfig token", "client key");
        Path manifest = Files.writeString(dir.resolve("frontend.yaml"), markers.manifestSecret("shop-frontend-db",
                "DB_PASSWORD") + "---\n" + DemoManifests.frontend(IMAGE + "1.4.0", "shop-frontend-db"));
        new TrafficKnobs(cluster.client()).setRequestsPerSecond(600);
        List<Step> steps;
        String log;
        try (ConsoleInOwnJvm console = ConsoleInOwnJvm.start(dir.resolve("home"), Files.readString(kubeconfig),
                markers.prometheusEnvironment());
             PrometheusProcess prometheus = PrometheusProcess.start(List.of(metricsTarget()), Duration.ofSeconds(1))) {
            // The console watches the releases the commands make (its workload list and Events) and logs as it runs.
            Eventually.assertThat(Duration.ofSeconds(120), () -> assertThat(readLog(console))
                    .as("the console connected with the planted kubeconfig; it is alive: " + console.isAlive())
                    .contains("connected to context planted"));
            prometheus.await("the first scrape of the demo", Duration.ofSeconds(60), () -> {
                String answer = prometheus.query("http_requests_total");
                return answer != null && answer.contains(APP);
            });
            steps = steps(kubeconfig.toString(), manifest.toString(), prometheus.baseUrl().toString());
            Sections out = runInOwnJvm(steps.stream().map(Step::command).toList(), markers.prometheusEnvironment());
            Sections err = out.err();
            for (Step step : steps) {
                assertThat(step.exits()).as("exit of %s; stderr:%n%s", step.command(), err.of(step.command()))
                        .contains(out.exitCode(step.command()));
                step.check().accept(err.of(step.command()));
                markers.scan("stdout of " + step.command(), out.of(step.command()));
                markers.scan("stderr of " + step.command(), err.of(step.command()));
            }
            markers.scan("the JVM's whole stdout", out.whole());
            markers.scan("the JVM's whole stderr", err.whole());
            console.close();
            log = console.log();
            assertThat(Files.getPosixFilePermissions(console.logFile())).as("the log file is its owner's only")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            markers.scan("the console's log file", log);
            console.output().forEach(output -> markers.scan("the console's stdout or stderr", output));
        }
        Map<String, Integer> objects = markers.scanCluster(cluster.client());

        assertThat(cluster.client().secrets().inNamespace("default").list().getItems())
                .as("the manifest's Secret reached the cluster")
                .anyMatch(secret -> !markers.find(Serialization.asYaml(secret)).isEmpty());
        assertThat(markers.hits()).isEmpty();
        ReliabilityFigures.record("secret-scan-cli", figure(steps, objects, log.lines().count(),
                Duration.ofNanos(System.nanoTime() - began)));
    }

    private static String readLog(ConsoleInOwnJvm console) {
        try {
            return console.log();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One command, the exit codes it may end with, and what its stderr must show. */
    private record Step(List<String> command, Set<Integer> exits, Consumer<String> check) {
        Step(List<String> command) {
            this(command, Set.of(0), stderr -> { });
        }
    }

    /** Every command, in the order a user would run them, releasing with a manifest, by image, and by the judge. */
    private static List<Step> steps(String kubeconfig, String manifest, String prometheus) {
        List<Step> steps = new ArrayList<>(Stream.of(List.of("--kubeconfig", kubeconfig, "contexts"),
                        List.of("--kubeconfig", kubeconfig, "connect"),
                        canary(kubeconfig, "plan", APP, "-f", manifest, "--count", "1"),
                        canary(kubeconfig, "plan", APP, "-f", manifest, "--count", "1", "-o", "yaml"),
                        canary(kubeconfig, "plan", APP, "-f", manifest, "--count", "1", "-o", "json"),
                        canary(kubeconfig, "start", APP, "-f", manifest, "--count", "1"),
                        canary(kubeconfig, "status", APP), canary(kubeconfig, "status", APP, "-o", "json"),
                        canary(kubeconfig, "status", APP, "-o", "yaml"),
                        canary(kubeconfig, "promote", APP),
                        // Release 1 has ended, so --watch prints once and returns.
                        canary(kubeconfig, "status", APP, "--watch"),
                        canary(kubeconfig, "start", APP, "--image", "frontend=" + IMAGE + "1.5.0", "--count", "1",
                                "--no-wait"),
                        canary(kubeconfig, "resume", APP),
                        canary(kubeconfig, "reject", APP))
                .map(Step::new).toList());
        // Healthy, so it ends Succeeded (0); on a machine too slow to get data in time it is handed to a person (4),
        // and stays so: a check whatever its outcome means the judge asked Prometheus, with the credentials.
        steps.add(new Step(canary(kubeconfig, "start", APP, "--image", "frontend=" + IMAGE + "1.6.0", "--count", "1",
                "--judge", "auto", "--prometheus", prometheus, "--metrics-preset", "demo", "--analysis-interval", "3s"),
                Set.of(0, 4), stderr -> assertThat(stderr).as("the judge read Prometheus with the credentials")
                        .containsPattern("analysis check \\d+ ")));
        Stream.of(canary(kubeconfig, "history", APP), canary(kubeconfig, "history", APP, "-o", "json"),
                        canary(kubeconfig, "history", APP, "-o", "yaml"))
                .map(Step::new).forEach(steps::add);
        return steps;
    }

    private static List<String> canary(String kubeconfig, String... args) {
        List<String> command = new ArrayList<>(List.of("--kubeconfig", kubeconfig, "canary"));
        command.addAll(List.of(args));
        return command;
    }

    private static String figure(List<Step> steps, Map<String, Integer> objects, long logLines, Duration took) {
        Map<String, Long> names = steps.stream().map(Step::command)
                .map(c -> c.get(2).equals("canary") ? c.get(3) : c.get(2))
                .collect(Collectors.groupingBy(n -> n, LinkedHashMap::new, Collectors.counting()));
        String commands = names.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " \u00d7" + e.getValue())
                .collect(Collectors.joining(", "));
        StringBuilder table = new StringBuilder("""
                | where | scanned | marker hits |
                |---|---|---|
                """);
        table.append("| stdout and stderr of each command (").append(commands).append(") | ")
                .append(steps.size() * 2).append(" outputs | 0 |\n");
        table.append("| the log file (0600) of a console open meanwhile (its own JVM, log level info), its stdout and stderr | ")
                .append(logLines).append(" log lines | 0 |\n");
        objects.forEach((kind, count) -> table.append("| ").append(kind).append(" in the cluster")
                .append(kind.equals("ConfigMaps") ? " (release state among them)" : "").append(" | ").append(count)
                .append(" | 0 |\n"));
        return table + "\n" + steps.size() + " commands in one JVM of their own, and the console in another, with the "
                + "Prometheus credentials in their environment; the automatic judge read a real Prometheus with them ("
                + took.toSeconds() + " s with the demo cluster and Prometheus).";
    }

    private Sections runInOwnJvm(List<List<String>> commands, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path file = CliSequence.write(dir.resolve("commands"), commands);
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CliSequence.class.getName(), file.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("KUBECONFIG");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the commands ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Sections(Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** The stream of one JVM cut into the output of each command ({@link CliSequence}'s frames). */
    private record Sections(String whole, String other) {
        Sections err() {
            return new Sections(other, whole);
        }

        String of(List<String> command) {
            String begin = CliSequence.BEGIN + String.join(" ", command) + "\n";
            int start = whole.indexOf(begin);
            if (start < 0) {
                return "";
            }
            int end = whole.indexOf(CliSequence.END, start);
            return end < 0 ? whole.substring(start + begin.length())
                    : whole.substring(start + begin.length(), end);
        }

        int exitCode(List<String> command) {
            String begin = CliSequence.BEGIN + String.join(" ", command) + "\n";
            int start = whole.indexOf(begin);
            int end = start < 0 ? -1 : whole.indexOf(CliSequence.END, start);
            if (end < 0) {
                return -1;
            }
            int lineEnd = whole.indexOf('\n', end);
            return Integer.parseInt(whole.substring(end + CliSequence.END.length(),
                    lineEnd < 0 ? whole.length() : lineEnd).strip());
        }
    }

    private String metricsTarget() {
        return cluster.metricsUrl().orElseThrow().replaceFirst("^http://", "").replaceFirst("/metrics$", "");
    }
}
