package dev.coalmine.kube.config;

import static dev.coalmine.kube.config.KubeconfigFiles.singleContext;
import static dev.coalmine.kube.config.KubeconfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
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
    void aKubeconfigsAuthorityIsTheOnlyOneTrustedNotAlsoJavasTrustStore() throws Exception {
        try (GuardedApiServer other = new GuardedApiServer(TOKEN, true)) {
            assertThat(Files.readString(other.certificate())).isNotEqualTo(Files.readString(server.certificate()));
            Files.createDirectories(dir.resolve("kube"));
            Files.copy(other.certificate(), dir.resolve("kube/other-ca.crt"));
            String yaml = singleContext("secure", server.url(), TOKEN)
                    .replace("    server: ", "    certificate-authority: other-ca.crt\n    server: ");

            // Java trusts this server's certificate (as it trusts every public authority); kubectl, told to trust
            // only other-ca.crt, refuses it ("x509: certificate signed by unknown authority"), and so must we.
            withJavaTrusting(server.certificate(), () -> assertThatThrownBy(
                    () -> connector.connect(load(yaml), "secure"))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("the server's certificate is not trusted or does not match"));
        }
    }

    @Test
    void withoutAnAuthorityInTheKubeconfigJavasTrustStoreDecides() throws Exception {
        // As kubectl then uses the system's roots: a cluster certified by a public authority needs no CA entry.
        withJavaTrusting(server.certificate(), () -> {
            try (ClusterConnection connection = connector.connect(load(singleContext("secure", server.url(), TOKEN)),
                    "secure")) {
                assertThat(connection.serverVersion()).isEqualTo("v1.32.0");
            }
        });
    }

    /**
     * Runs {@code check} with {@code certificate} as the JVM's default trust store (the property fabric8 reads for
     * it). The JDK's own default SSL context is made first, so nothing else in this JVM keeps the temporary store.
     */
    private void withJavaTrusting(Path certificate, Runnable check) throws Exception {
        SSLContext.getDefault();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            store.setCertificateEntry("trusted", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        Path file = dir.resolve("java-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        Map<String, String> before = new HashMap<>();
        Map<String, String> trusting = Map.of("javax.net.ssl.trustStore", file.toString(),
                "javax.net.ssl.trustStorePassword", "changeit");
        trusting.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
        try {
            check.run();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
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
