package dev.coalmine.kube.config;

import static dev.coalmine.kube.config.KubeconfigFiles.singleContext;
import static dev.coalmine.kube.config.KubeconfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig {@code server:} without a scheme means HTTPS, as for kubectl: when the TLS handshake fails (here the
 * server speaks plain HTTP), the connection fails, and the bearer token is never sent over plain HTTP instead.
 */
class NoPlainHttpFallbackTest {
    private static final String TOKEN = "plain-http-token-2718281828";

    @TempDir
    Path dir;

    private final GuardedApiServer plainHttp = new GuardedApiServer(TOKEN, false);

    @AfterEach
    void stop() {
        plainHttp.close();
    }

    @Test
    void aServerWithoutSchemeWhoseTlsHandshakeFailsGetsNoRequestAndNoToken() {
        String hostAndPort = plainHttp.url().substring("http://".length());
        Path file = write(dir.resolve("kube/config"), singleContext("bare", hostAndPort, TOKEN));
        KubeconfigSet set = new KubeconfigLoader(new KubeEnvironment(Optional.empty(), dir, "")).load(Optional.of(file));
        ClusterConnector connector = new ClusterConnector(Duration.ofSeconds(5), new ExecCommandLocator("",
                Optional::empty));

        assertThatThrownBy(() -> connector.connect(set, "bare").close())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("\n"));
        assertThat(plainHttp.requestCount()).as("requests that reached the plain-HTTP server").isZero();
    }
}
