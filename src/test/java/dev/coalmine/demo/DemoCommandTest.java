package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.cli.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coalmine demo} as a user runs it: a separate JVM, stopped with SIGTERM. */
class DemoCommandTest {

    @Test
    void runsUntilSigtermAndServesKubectlMeanwhile(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("demo.kubeconfig");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.coalmine.App",
                "demo", "--kubeconfig", kubeconfig.toString(), "--port", String.valueOf(port), "--fault-seed", "42")
                .redirectError(dir.resolve("demo.err").toFile()).start();
        try {
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> readAll(demo, lines), "demo-stdout");
            reader.start();
            Await.until("coalmine demo prints its API server", Duration.ofSeconds(90), () -> !lines.isEmpty());
            assertThat(lines.get(0)).isEqualTo("api-server: https://127.0.0.1:" + port);
            assertThat(kubeconfig).exists();

            Kubectl kubectl = new Kubectl(kubeconfig);
            assertThat(kubectl.run("get", "deploy").ok().out()).contains("shop-frontend", "shop-api");
            assertThat(kubectl.run("config", "current-context").ok().out().trim()).isEqualTo("coalmine-demo");

            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
            assertThat(demo.exitValue()).as("stderr: %s", Files.readString(dir.resolve("demo.err"))).isZero();
            reader.join(10_000);
            assertThat(lines.stream().filter(l -> l.startsWith("api-server:"))).hasSize(1);
            String token = Files.readString(kubeconfig).replaceAll("(?s).*\\n\\s+token: (\\S+)\\n.*", "$1");
            assertThat(token).as("the kubeconfig's token").hasSizeGreaterThanOrEqualTo(43);
            assertThat(String.join("\n", lines)).as("stdout").doesNotContain(token);
            assertThat(Files.readString(dir.resolve("demo.err"))).as("stderr, where the CLI logs").contains("kubectl")
                    .doesNotContain(token);
            assertThat(lines).contains("api-faults: 0 % (seed 42; --fault-seed 42 replays them)");
            // The metrics line comes from a component that serves metrics, once there is one.
            assertThat(lines.stream().filter(l -> l.startsWith("metrics:")).toList())
                    .allMatch(l -> l.matches("metrics: http://127\\.0\\.0\\.1:\\d+/metrics")).hasSizeLessThan(2);
        } finally {
            demo.destroyForcibly();
        }
    }

    private static void readAll(Process process, List<String> lines) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("unreadable stdout: " + e.getMessage());
        }
    }

    @Test
    void needsAKubeconfigFileToWrite() {
        StringWriter err = new StringWriter();
        Cli cli = App.cli(target -> {
            throw new AssertionError("the console must not open");
        });
        cli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.run("demo")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: coalmine demo needs --kubeconfig FILE");
    }

    @Test
    void saysWhatToDoWhenThePortIsTaken(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            Cli cli = App.cli(target -> {
                throw new AssertionError("the console must not open");
            });
            cli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true));
            int code = cli.run("demo", "--kubeconfig", dir.resolve("k").toString(), "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("error: the demo cluster cannot start: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).contains("pick another --port");
            assertThat(dir.resolve("k")).doesNotExist();
        }
    }

    @Test
    void aFaultRateOutsideZeroToHundredIsAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        Cli cli = App.cli(target -> {
            throw new AssertionError("the console must not open");
        });
        cli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.run("demo", "--kubeconfig", dir.resolve("k").toString(), "--fault-rate", "150")).isEqualTo(2);
        assertThat(err.toString()).contains("--fault-rate is a percentage between 0 and 100").doesNotContain("\tat ");
        assertThat(dir.resolve("k")).doesNotExist();
    }
}
