package dev.coalmine.bench;

import dev.coalmine.benchkubectl.KubectlBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl (the versioned binary behind {@code /usr/bin/kubectl} when that is a dispatcher) against one
 * kubeconfig, with a HOME and a discovery cache ({@code --cache-dir}) of its own: the cache starts cold once per
 * instance, as on a fresh pipeline agent, stays warm for the instance's later calls, and never touches the user's.
 */
final class BenchKubectl {
    private static final Path ON_PATH = Path.of("/usr/bin/kubectl");
    private static KubectlBinary binary;

    private final Path kubeconfig;
    private final Path home;

    BenchKubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
        try {
            this.home = Files.createTempDirectory("bench-kubectl-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kubectl the references run, named exactly: version, binary, the dispatcher left out. */
    static String name() {
        return binary().name();
    }

    private static synchronized KubectlBinary binary() {
        if (binary == null) {
            if (!Files.isExecutable(ON_PATH)) {
                throw new IllegalStateException("the benchmarks compare with the real kubectl: " + ON_PATH + " is missing");
            }
            binary = KubectlBinary.behind(ON_PATH);
        }
        return binary;
    }

    /** Runs kubectl to the end; throws with its output when it fails. */
    String run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs kubectl with {@code stdin} (e.g. for {@code apply -f -}); throws with its output when it fails. */
    String runWithInput(String stdin, String... args) {
        try {
            Process process = start(args);
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not end in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts kubectl (stdout and stderr together) and leaves it running; the caller waits for it. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary().path().toString());
        command.add("--cache-dir=" + home.resolve("kube-cache"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }
}
