package dev.coalmine.kube.config;

import static dev.coalmine.kube.config.KubeconfigFiles.singleContext;
import static dev.coalmine.kube.config.KubeconfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConnectionTest {
    private static final String TOKEN = "tls-token-31415926";

    @TempDir
    Path dir;

    private final GuardedApiServer server = new GuardedApiServer(TOKEN, true);
    private final ClusterConnector connector = new ClusterConnector(Duration.ofSeconds(5),
            new ExecCommandLocator("", Optional::empty));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private KubeconfigSet load(String yaml) {
        Path file = write(dir.resolve("kube/config"), yaml);
        return new KubeconfigLoader(new KubeEnvironment(Optional.empty(), dir, "")).load(Optional.of(file));
    }

    @Test
    void untrustedCertificateNamesTheServerAndSuggestsCertificateAuthority() {
        assertThat(server.url()).startsWith("https://");
        assertThatThrownBy(() -> connector.connect(load(singleContext("secure", server.url(), TOKEN)), "secure"))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("The TLS connection to " + server.url() + " (context 'secure') failed: the server's "
                        + "certificate is not trusted or does not match. Set the cluster's certificate-authority "
                        + "(or certificate-authority-data) in the kubeconfig to the CA that signed it.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void certificateAuthorityRelativeToTheKubeconfigMakesItTrusted() throws IOException {
        Files.createDirectories(dir.resolve("kube/certs"));
        Files.copy(server.certificate(), dir.resolve("kube/certs/ca.crt"));
        String yaml = singleContext("secure", server.url(), TOKEN)
                .replace("    server: ", "    certificate-authority: certs/ca.crt\n    server: ");

        try (ClusterConnection connection = connector.connect(load(yaml), "secure")) {
            assertThat(connection.serverVersion()).isEqualTo("v1.32.0");
            assertThat(connection.client().getConfiguration().isTrustCerts()).isFalse();
        }
    }

    @Test
    void insecureSkipTlsVerifyIsHonouredOnlyWhenTheKubeconfigSaysSo() {
        String yaml = singleContext("secure", server.url(), TOKEN)
                .replace("    server: ", "    insecure-skip-tls-verify: true\n    server: ");

        try (ClusterConnection connection = connector.connect(load(yaml), "secure")) {
            assertThat(connection.serverVersion()).isEqualTo("v1.32.0");
            assertThat(connection.client().getConfiguration().isTrustCerts()).isTrue();
        }
    }
}
