package dev.coalmine.kube.config;

import static dev.coalmine.kube.config.KubeconfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real exec credential plugin that only the login shell's PATH knows, against a token-checking server. */
class ExecPluginConnectionTest {
    private static final String PLUGIN = "coalmine-test-login";
    private static final String TOKEN = "exec-issued-token-27182818";

    @TempDir
    Path dir;

    private final GuardedApiServer server = new GuardedApiServer(TOKEN, false);
    private final String processPath = System.getenv("PATH");
    private Path pluginDir;

    @BeforeEach
    void installPluginOffThePath() throws IOException {
        pluginDir = dir.resolve("login-only/bin");
        Files.createDirectories(pluginDir);
        plugin("printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"%s\"}}' '" + TOKEN + "'");
        assertThat(processPath).doesNotContain(pluginDir.toString());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void plugin(String body) throws IOException {
        Path script = pluginDir.resolve(PLUGIN);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private KubeconfigSet load() {
        Path file = write(dir.resolve("config"), """
                apiVersion: v1
                current-context: eks
                clusters:
                - name: eks-cluster
                  cluster: {server: "%s"}
                contexts:
                - name: eks
                  context: {cluster: eks-cluster, user: sso}
                users:
                - name: sso
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      installHint: Install it from the internal portal.
                """.formatted(server.url(), PLUGIN));
        return new KubeconfigLoader(new KubeEnvironment(Optional.empty(), dir, processPath)).load(Optional.of(file));
    }

    private ClusterConnector connectorWithLoginPath(LoginShellPath loginShellPath) {
        return new ClusterConnector(Duration.ofSeconds(5), new ExecCommandLocator(processPath, loginShellPath));
    }

    @Test
    void pluginOnlyOnTheLoginShellsPathProvidesTheBearerToken() {
        LoginShellPath loginPath = () -> Optional.of("/nonexistent/bin:" + pluginDir);

        try (ClusterConnection connection = connectorWithLoginPath(loginPath).connect(load(), "eks")) {
            assertThat(connection.serverVersion()).isEqualTo("v1.32.0");
            assertThat(connection.user()).isEqualTo("sso");
            assertThat(connection.namespaces().allowed()).isTrue();
            // fabric8 refreshes tokens by rebuilding the config; ours must find the plugin again.
            assertThat(connection.client().getConfiguration().refresh().getAutoOAuthToken()).isEqualTo(TOKEN);
        }
    }

    @Test
    void pluginFoundNowhereSaysSoWithTheInstallHint() {
        assertThatThrownBy(() -> connectorWithLoginPath(() -> Optional.of("/nonexistent/bin")).connect(load(), "eks"))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("The credential plugin '" + PLUGIN + "' of user 'sso' (context 'eks', "
                        + dir.resolve("config") + ") was found neither on this program's PATH nor on your login "
                        + "shell's PATH. Install it, or put its absolute path in users[].user.exec.command. "
                        + "Install hint from the kubeconfig: Install it from the internal portal.");
    }

    @Test
    void pluginThatReturnsNoCredentialIsReported() throws IOException {
        plugin("echo 'please run: sso login' >&2; exit 1");

        assertThatThrownBy(() -> connectorWithLoginPath(() -> Optional.of(pluginDir.toString())).connect(load(), "eks"))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("The credential plugin '" + pluginDir.resolve(PLUGIN) + "' of user 'sso' "
                        + "(context 'eks') returned no token or certificate. Run it in a terminal");
    }

    @Test
    void pluginThatPrintsSomethingElseIsReportedWithoutEchoingIt() throws IOException {
        String marker = "leaked-secret-31415926";
        plugin("echo 'password=" + marker + "'");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> connectorWithLoginPath(() -> Optional.of(pluginDir.toString())).connect(load(), "eks"))
                    .isInstanceOf(KubeconfigException.class)
                    .hasMessageStartingWith("The exec plugin '" + pluginDir.resolve(PLUGIN) + "' of user 'sso' (context "
                            + "'eks') printed something that is not an ExecCredential (" + ("password=" + marker + "\n").length()
                            + " bytes); run it by hand to see why.")
                    .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(marker));
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("slf4j-simple logs to stderr").doesNotContain(marker);
    }

    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(messagesOf(suppressed));
            }
        }
        return all.toString();
    }
}
