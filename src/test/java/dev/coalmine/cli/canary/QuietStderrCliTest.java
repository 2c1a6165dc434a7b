package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.coalmine.App", "demo", "--kubeconfig",
                dir.resolve("demo-config").toString(), "--port", "0")).redirectError(dir.resolve("stderr").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("demo cluster running"));
            out.close();
            assertThat(line).as("the demo started").isNotNull();
            // The traffic simulation reads node and pod metrics (v1beta1) in its first seconds.
            Thread.sleep(12000);
        } finally {
            p.destroy();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr"));
        assertThat(err).doesNotContain("WARN", "INFO", "SLF4J", "VersionUsageUtils");
    }
}
