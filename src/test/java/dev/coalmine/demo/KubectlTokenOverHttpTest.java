package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.coalmine.testing.ReliabilityFigures;
import dev.coalmine.testing.SelfSignedKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the demo API server cannot require its token while it speaks plain HTTP: kubectl sends a kubeconfig's bearer
 * token only over TLS (client-go reads the user's credentials only for a TLS transport). A server on 127.0.0.1 that
 * records each request's Authorization header, once over http:// and once over https://, shows it.
 */
class KubectlTokenOverHttpTest {
    private static final String TOKEN = "kubectl-token-6f1e2d";

    @TempDir
    Path dir;

    @Test
    void kubectlSendsTheTokenOverHttpsButNotOverHttp() throws Exception {
        List<String> overHttp = headersSeen(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0), "http");
        List<String> overHttps = headersSeen(tlsServer(), "https");

        assertThat(overHttp).as("requests over http://").isNotEmpty().allMatch(String::isEmpty);
        assertThat(overHttps).as("requests over https://").isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
        ReliabilityFigures.record("kubectl-token-over-http", """
                | kubectl %s | requests | with the kubeconfig's bearer token |
                |---|---|---|
                | to `http://127.0.0.1` | %d | %d |
                | to `https://127.0.0.1` | %d | %d |""".formatted(version(), overHttp.size(),
                overHttp.stream().filter(h -> !h.isEmpty()).count(), overHttps.size(),
                overHttps.stream().filter(h -> !h.isEmpty()).count()));
    }

    /** Runs {@code kubectl get pods} against {@code server}, which answers 401; the Authorization header of each request. */
    private List<String> headersSeen(HttpServer server, String scheme) throws IOException {
        List<String> headers = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            headers.add(exchange.getRequestHeaders().getOrDefault("Authorization", List.of("")).get(0));
            unauthorized(exchange);
        });
        server.start();
        try {
            Path kubeconfig = Files.writeString(dir.resolve(scheme + "-config"), """
                    apiVersion: v1
                    kind: Config
                    current-context: c
                    clusters:
                    - name: c
                      cluster: {server: "%s://127.0.0.1:%d", insecure-skip-tls-verify: %s}
                    contexts:
                    - name: c
                      context: {cluster: c, user: u}
                    users:
                    - name: u
                      user: {token: %s}
                    """.formatted(scheme, server.getAddress().getPort(), scheme.equals("https"), TOKEN));
            Kubectl.Result result = new Kubectl(kubeconfig).run("get", "pods", "--request-timeout=20s");
            assertThat(result.err()).as("kubectl was refused, as the server answers").contains("logged in");
        } finally {
            server.stop(0);
        }
        return headers;
    }

    private HttpsServer tlsServer() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(SelfSignedKey.generate(dir, "127.0.0.1"), SelfSignedKey.PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    private static void unauthorized(HttpExchange exchange) throws IOException {
        byte[] body = """
                {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized",\
                "code":401}""".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String version() {
        return new Kubectl(dir.resolve("none")).clientVersion();
    }
}
