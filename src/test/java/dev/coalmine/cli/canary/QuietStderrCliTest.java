package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's stderr holds its own progress and errors, not library log lines; run in a JVM of its own, as users do. */
class QuietStderrCliTest {
    @TempDir
    Path dir;

    @Test
    void theDemoClusterRunsWithoutLibraryWarnings() throws Exception {
        Path stderr = dir.resolve("stderr");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.coalmine.App", "demo", "--kubeconfig",
                dir.resolve("demo-config").toString(), "--port", "0")).redirectError(stderr.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).start();
        try {
            // The demo says on stderr that it runs (stdout carries only what scripts read: the kubeconfig, metrics).
            Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(stderr).as("the demo started")
                    .content().contains("demo cluster running"));
            // The traffic simulation reads node and pod metrics (v1beta1) in its first seconds.
            Thread.sleep(12000);
        } finally {
            p.destroy();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(stderr)).doesNotContain("WARN", "INFO", "SLF4J", "VersionUsageUtils");
    }
}
