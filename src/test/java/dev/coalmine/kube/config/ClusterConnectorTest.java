package dev.coalmine.kube.config;

import static dev.coalmine.kube.config.KubeconfigFiles.singleContext;
import static dev.coalmine.kube.config.KubeconfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectorTest {
    private static final String TOKEN = "tok-9f8e7d6c5b4a";

    @TempDir
    Path dir;

    private final GuardedApiServer server = new GuardedApiServer(TOKEN, false);
    private final ClusterConnector connector = new ClusterConnector(Duration.ofSeconds(5),
            new ExecCommandLocator("", Optional::empty));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private KubeconfigSet load(String yaml) {
        Path file = write(dir.resolve("config"), yaml);
        return new KubeconfigLoader(new KubeEnvironment(Optional.empty(), dir, "")).load(Optional.of(file));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertConnectFails(KubeconfigSet set, String context) {
        return assertThatThrownBy(() -> connector.connect(set, context).close())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("\tat "));
    }

    @Test
    void connectsAndReportsVersionUserUrlAndNamespace() {
        String yaml = singleContext("demo", server.url(), TOKEN).replace("user: demo-user\n",
                "user: demo-user\n    namespace: shop\n");
        try (ClusterConnection connection = connector.connect(load(yaml), "demo")) {
            assertThat(connection.contextName()).isEqualTo("demo");
            assertThat(connection.serverVersion()).isEqualTo("v1.32.0");
            assertThat(connection.user()).isEqualTo("demo-user");
            assertThat(connection.serverUrl()).isEqualTo(server.url());
            assertThat(connection.namespace()).isEqualTo("shop");
            assertThat(connection.namespaces()).isEqualTo(new NamespaceListing(java.util.List.of("default", "shop"), true));
            assertThat(connection.client().getConfiguration().isTrustCerts()).isFalse();
        }
    }

    @Test
    void aConnectionIsLoggedWithContextServerUserAndNamespaceButNoToken() {
        List<String> logged = new ArrayList<>();
        ClusterConnector logging = new ClusterConnector(Duration.ofSeconds(5),
                new ExecCommandLocator("", Optional::empty), logged::add);
        String yaml = singleContext("demo", server.url(), TOKEN).replace("user: demo-user\n",
                "user: demo-user\n    namespace: shop\n");

        logging.connect(load(yaml), "demo").close();

        assertThat(logged).containsExactly("connected to context demo (" + server.url() + ", Kubernetes v1.32.0)"
                + " as demo-user, namespace shop");
    }

    @Test
    void aFailedConnectionIsNotLoggedAsAConnection() {
        List<String> logged = new ArrayList<>();
        ClusterConnector logging = new ClusterConnector(Duration.ofSeconds(5),
                new ExecCommandLocator("", Optional::empty), logged::add);

        assertThatThrownBy(() -> logging.connect(load(singleContext("demo", server.url(), TOKEN + "-expired")), "demo"))
                .isInstanceOf(RuntimeException.class);
        assertThat(logged).isEmpty();
    }

    @Test
    void forbiddenNamespaceListingLetsTheOperatorTypeOne() {
        server.forbidNamespaces();
        try (ClusterConnection connection = connector.connect(load(singleContext("demo", server.url(), TOKEN)), "demo")) {
            assertThat(connection.namespaces()).isEqualTo(NamespaceListing.forbidden());
            assertThat(connection.namespaces().allowed()).isFalse();
        }
    }

    @Test
    void rejectedTokenSaysLogInAgainWithoutTheToken() {
        String wrong = TOKEN + "-expired";
        assertConnectFails(load(singleContext("demo", server.url(), wrong)), "demo")
                .isInstanceOf(ConnectionException.class)
                .hasMessage("The API server " + server.url() + " rejected the credentials of user 'demo-user' "
                        + "(context 'demo'): they are missing, wrong or expired (401). Log in again with your "
                        + "cluster provider's tool to refresh the kubeconfig.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    }

    @Test
    void forbiddenVersionNamesTheUserAndTheRequest() {
        server.forbidVersion();
        assertConnectFails(load(singleContext("demo", server.url(), TOKEN)), "demo")
                .isInstanceOf(ConnectionException.class)
                .hasMessage("User 'demo-user' (context 'demo') is not allowed to read the server version "
                        + "(GET /version) on " + server.url() + " (403 Forbidden). Ask a cluster admin for that "
                        + "permission, or use a context with more rights.");
    }

    @Test
    void unknownContextListsTheOnesThatExist() {
        KubeconfigSet set = load(singleContext("demo", server.url(), TOKEN));
        assertConnectFails(set, "prod")
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("Context 'prod' is not defined in " + dir.resolve("config") + ". Available contexts: demo.");
    }

    @Test
    void contextNamingAMissingClusterSaysWhichAndWhere() {
        KubeconfigSet set = load(singleContext("demo", server.url(), TOKEN)
                .replace("cluster: demo-cluster", "cluster: gone-cluster"));
        assertConnectFails(set, "demo")
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("Context 'demo' (in " + dir.resolve("config") + ") names cluster 'gone-cluster', which is "
                        + "not defined in " + dir.resolve("config") + ". Add the cluster, or fix the context with "
                        + "'kubectl config set-context demo --cluster=NAME'.");
    }

    @Test
    void contextNamingAMissingUserSaysWhichAndWhere() {
        KubeconfigSet set = load(singleContext("demo", server.url(), TOKEN)
                .replace("user: demo-user", "user: ghost"));
        assertConnectFails(set, "demo")
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("Context 'demo' (in " + dir.resolve("config") + ") names user 'ghost', "
                        + "which is not defined in ");
    }

    @Test
    void noContextsAtAll() {
        KubeconfigSet set = load("apiVersion: v1\nkind: Config\n");
        assertConnectFails(set, "demo")
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("No contexts are defined in " + dir.resolve("config"));
    }

    @Test
    void refusedConnectionNamesTheUrlAndSuggestsVpnAndProxy() throws IOException {
        String url;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + socket.getLocalPort();
        }
        assertConnectFails(load(singleContext("demo", url, TOKEN)), "demo")
                .isInstanceOf(ConnectionException.class)
                .hasMessage("Cannot reach the API server " + url + " (context 'demo'): connection refused. Check "
                        + "that the cluster is running, that your VPN is connected, and your proxy settings.");
    }

    @Test
    void silentServerTimesOutWithinTheConfiguredDeadline() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            var quick = new ClusterConnector(Duration.ofSeconds(1), new ExecCommandLocator("", Optional::empty));
            long start = System.nanoTime();
            assertThatThrownBy(() -> quick.connect(load(singleContext("demo", url, TOKEN)), "demo"))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessage("The API server " + url + " (context 'demo') did not answer within 1 s. Check that "
                            + "your VPN is connected and your proxy settings (proxy-url in the kubeconfig, "
                            + "HTTPS_PROXY).");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }
}
