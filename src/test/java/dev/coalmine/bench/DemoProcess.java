package dev.coalmine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo cluster as {@code coalmine demo} runs it, in a JVM of its own (realistic simulation, traffic ticking
 * every second), so that a benchmark's heap holds only the console's side.
 */
final class DemoProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Process process;
    private final Path dir;

    private DemoProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    static DemoProcess start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-demo");
        Path kubeconfig = dir.resolve("kubeconfig");
        Path log = dir.resolve("demo.log");
        Process process = new ProcessBuilder(List.of(ChildJvm.java(),
                "-Duser.home=" + dir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", ChildJvm.testClasspath(),
                "dev.coalmine.App", "demo", "--kubeconfig", kubeconfig.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DemoProcess demo = new DemoProcess(process, dir);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.readString(log).contains("demo cluster running")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                demo.close();
                throw new IllegalStateException("the demo cluster did not start in its own JVM:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return demo;
    }

    /** The kubeconfig the demo wrote for its API server. */
    String kubeconfig() throws IOException {
        return Files.readString(dir.resolve("kubeconfig"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
