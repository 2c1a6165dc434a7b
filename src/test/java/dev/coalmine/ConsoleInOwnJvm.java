package dev.coalmine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console as {@code coalmine} with no arguments starts it, in a JVM of its own on the headless Monocle platform:
 * the kubeconfig in {@code home/.kube/config}, its log file under {@code home/state}, and {@code environment} added
 * to its environment. Always close it.
 */
final class ConsoleInOwnJvm implements AutoCloseable {
    private final Process process;
    private final Path home;

    private ConsoleInOwnJvm(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    static ConsoleInOwnJvm start(Path home, String kubeconfig, Map<String, String> environment) throws IOException {
        Path config = home.resolve(".kube").resolve("config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, kubeconfig);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), App.class.getName())
                .redirectOutput(home.resolve("console.stdout").toFile())
                .redirectError(home.resolve("console.stderr").toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("DISPLAY", ":0");
        return new ConsoleInOwnJvm(builder.start(), home);
    }

    Path logFile() {
        return LogFile.location(Map.of("XDG_STATE_HOME", home.resolve("state").toString()), home);
    }

    /** The log file's text so far, "" before it exists. */
    String log() throws IOException {
        return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
    }

    /** What the process wrote to stdout and stderr (besides its log file). */
    List<String> output() throws IOException {
        return List.of(Files.readString(home.resolve("console.stdout"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("console.stderr"), StandardCharsets.UTF_8));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
