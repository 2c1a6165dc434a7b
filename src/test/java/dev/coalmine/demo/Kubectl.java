package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl against a kubeconfig, with a timeout. */
final class Kubectl {
    static final Path BINARY = Path.of("/usr/bin/kubectl");

    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        assertThat(BINARY).as("kubectl is part of this machine image and required by this test").isExecutable();
        this.kubeconfig = kubeconfig;
    }

    record Result(int exitCode, String out, String err) {
        Result ok() {
            assertThat(exitCode).as("kubectl failed: %s", err).isZero();
            return this;
        }
    }

    Result run(String... args) {
        return runWithInput(null, 60, args);
    }

    Result runWithInput(String stdin, int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().remove("KUBECTL_EXTERNAL_DIFF");
        try {
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            int code;
            if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                code = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
                code = 124;
            }
            Result result = new Result(code, Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The client version, e.g. {@code v1.32.4}. */
    String clientVersion() {
        return run("version", "--client", "-o", "json").out().replaceAll("(?s).*\"gitVersion\":\\s*\"([^\"]+)\".*", "$1");
    }

    /** Starts kubectl and leaves it running (for -w / -f); the caller destroys it. */
    Process start(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        return builder.start();
    }
}
