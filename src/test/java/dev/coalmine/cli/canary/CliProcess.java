package dev.coalmine.cli.canary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code coalmine --kubeconfig FILE args…} in a JVM of its own (the test's classpath, as the packaged launcher's),
 * so that it can be killed as a user's {@code kill -9} would: no shutdown hook, no finally block, no last write.
 */
final class CliProcess {
    private final Process process;
    private final Path stderr;

    private CliProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static CliProcess start(Path kubeconfig, Path dir, String... args) throws IOException {
        Path stderr = Files.createTempFile(dir, "cli-", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.coalmine.App",
                "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new CliProcess(process, stderr);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}; returns the exit status (137 for a process that was killed). */
    int killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the command line did not end within 30 s of SIGKILL");
        }
        return process.exitValue();
    }

    String err() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
