package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f} reads manifests up to 4 MiB: a larger one is a usage error, and endless input is never read whole. */
class ManifestSizeLimitCliTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @RegisterExtension
    final CliOnMockCluster fixture = new CliOnMockCluster(2);
    private final MockCluster cluster = fixture.cluster();
    private final CliRunner cli = fixture.cli();

    @Test
    void aManifestAboveTheLimitIsAUsageErrorThatSaysItsSize() throws IOException {
        Path manifest = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(manifest.toFile(), "rw")) {
            file.setLength(16 * MIB);
        }
        assertThat(cli.run("canary", "start", "web", "-f", manifest.toString(), "--count", "1")).isEqualTo(2);
        assertThat(cli.err()).contains(
                "the manifest file " + manifest + " is 16.0 MiB; Coalmine reads manifests up to 4 MiB");
        assertThat(cluster.deployment("shop", "web-canary")).as("nothing is written").isNull();
    }

    @Test
    void aManifestOfExactlyTheLimitIsReadAndJudgedByItsContent() throws IOException {
        Path manifest = Files.writeString(dir.resolve("padded.yaml"), "#\n".repeat((int) (2 * MIB)));
        assertThat(cli.run("canary", "plan", "web", "-f", manifest.toString(), "--count", "1")).isEqualTo(2);
        assertThat(cli.err()).doesNotContain("Coalmine reads manifests up to").contains("holds no Deployment named web");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void endlessInputFailsFastInsteadOfRunningOutOfMemory() {
        long started = System.nanoTime();
        assertThat(cli.run("canary", "plan", "web", "-f", "/dev/zero", "--count", "1")).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(cli.err()).contains(
                "the manifest file /dev/zero is more than 4 MiB; Coalmine reads manifests up to 4 MiB");
    }
}
