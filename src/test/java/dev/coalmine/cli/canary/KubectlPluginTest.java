package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script on PATH makes {@code kubectl coalmine …} run the real CLI through the real kubectl. */
class KubectlPluginTest {
    @TempDir
    Path dir;

    @Test
    void kubectlRunsThePluginFromPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("packaging/kubectl-coalmine"), bin.resolve("kubectl-coalmine"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = launcherJar(dir.resolve("coalmine.jar"));

        ProcessBuilder pb = new ProcessBuilder("kubectl", "coalmine", "canary", "--help").redirectErrorStream(true);
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("COALMINE_JAR", jar.toString());
        pb.environment().put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: coalmine canary", "plan", "start", "status", "promote", "reject", "history");
    }

    @Test
    void withoutAJarTheLauncherSaysWhatToSet() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("packaging/kubectl-coalmine"), bin.resolve("kubectl-coalmine"),
                StandardCopyOption.COPY_ATTRIBUTES);
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("kubectl-coalmine").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().remove("COALMINE_JAR");
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("set COALMINE_JAR");
        assertThat(p.exitValue()).isEqualTo(1);
    }

    /** The shaded jar exists only after `package`; a manifest-only jar over the test classpath stands in for it. */
    private static Path launcherJar(Path target) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "dev.coalmine.App");
        main.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream o = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(o, manifest)) {
            jar.flush();
        }
        return target;
    }
}
