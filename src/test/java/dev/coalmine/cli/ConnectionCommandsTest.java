package dev.coalmine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionCommandsTest {
    private static final String TOKEN = "cli-token-112358";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final KubernetesMockServer server = new KubernetesMockServer(false);

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    private int run(String... args) {
        Cli cli = new Cli(target -> { });
        cli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.run(args);
    }

    private Path kubeconfig(String server) throws IOException {
        return Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                current-context: staging
                clusters:
                - name: prod-cluster
                  cluster: {server: "%1$s"}
                - name: staging-cluster
                  cluster: {server: "%1$s"}
                contexts:
                - name: prod
                  context: {cluster: prod-cluster, user: admin, namespace: shop}
                - name: staging
                  context: {cluster: staging-cluster, user: dev}
                users:
                - name: admin
                  user: {token: %2$s}
                - name: dev
                  user: {token: %2$s}
                """.formatted(server, TOKEN));
    }

    private String startServer() {
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("32").withGitVersion("v1.32.0")
                .build());
        server.init(InetAddress.getLoopbackAddress(), 0);
        String url = server.url("/");
        return url.substring(0, url.length() - 1);
    }

    @Test
    void contextsListsEveryContextAndMarksTheCurrentOne() throws IOException {
        Path file = kubeconfig("https://unused.example");

        assertThat(run("contexts", "--kubeconfig", file.toString())).isZero();

        assertThat(out.toString().lines()).containsExactly(
                "CURRENT   NAME      CLUSTER           AUTHINFO   NAMESPACE",
                "          prod      prod-cluster      admin      shop",
                "*         staging   staging-cluster   dev        default");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void contextsWithAMissingFileIsAnOperationalError() {
        Path missing = dir.resolve("missing");

        assertThat(run("--kubeconfig", missing.toString(), "contexts")).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("error: The kubeconfig file " + missing + " does not exist. Check the "
                + "path given with --kubeconfig or in KUBECONFIG, or copy your cluster's kubeconfig there."
                + System.lineSeparator());
    }

    @Test
    void connectPrintsVersionUserUrlAndNamespaceOfTheChosenContext() throws Exception {
        String url = startServer();
        Path file = kubeconfig(url);

        assertThat(run("connect", "--kubeconfig", file.toString(), "--context", "prod")).isZero();

        assertThat(out.toString().lines()).containsExactly(
                "Connected to context 'prod'",
                "  server:    " + url,
                "  version:   v1.32.0",
                "  user:      admin",
                "  namespace: shop");
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void connectUsesTheCurrentContextAndTheNamespaceOption() throws IOException {
        Path file = kubeconfig(startServer());

        assertThat(run("--kubeconfig", file.toString(), "-n", "payments", "connect")).isZero();

        assertThat(out.toString()).contains("Connected to context 'staging'", "  user:      dev",
                "  namespace: payments");
    }

    @Test
    void connectFailureIsOneLineAndExitOne() throws IOException {
        String url;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + socket.getLocalPort();
        }
        Path file = kubeconfig(url);

        assertThat(run("connect", "--kubeconfig", file.toString())).isEqualTo(1);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("error: Cannot reach the API server " + url + " (context 'staging'): "
                + "connection refused. Check that the cluster is running, that your VPN is connected, and your "
                + "proxy settings." + System.lineSeparator());
        assertThat(err.toString()).doesNotContain(TOKEN);
    }

    @Test
    void connectToAnUnknownContextListsTheKnownOnes() throws IOException {
        Path file = kubeconfig("https://unused.example");

        assertThat(run("connect", "--kubeconfig", file.toString(), "--context", "qa")).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("error: Context 'qa' is not defined in " + file
                + ". Available contexts: prod, staging." + System.lineSeparator());
    }
}
