package dev.coalmine.kube.config;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A real HTTP(S) API server on 127.0.0.1 (fabric8's mock server) that answers {@code /version} and
 * the namespace list only for one bearer token, and can be told to forbid either.
 */
final class GuardedApiServer implements AutoCloseable {
    static final String VERSION_JSON = "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\","
            + "\"platform\":\"linux/amd64\"}";

    private final KubernetesMockServer server;
    private final String token;
    private volatile boolean versionForbidden;
    private volatile boolean namespacesForbidden;

    GuardedApiServer(String token, boolean https) {
        this.token = token;
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new GuardDispatcher(), https);
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The URL with the host name the TLS certificate was made for. */
    String url() {
        String url = server.url("/");
        return url.substring(0, url.length() - 1);
    }

    /** The self-signed certificate of an HTTPS server, PEM. */
    Path certificate() {
        return Path.of(server.getSelfSignedCertificate().certificatePath());
    }

    /** How many requests reached the server, with or without the token. */
    int requestCount() {
        return server.getRequestCount();
    }

    void forbidVersion() {
        versionForbidden = true;
    }

    void forbidNamespaces() {
        namespacesForbidden = true;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private final class GuardDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
                return status(401, "Unauthorized");
            }
            String path = request.getPath();
            if (path.startsWith("/version")) {
                return versionForbidden ? status(403, "Forbidden") : json(200, VERSION_JSON);
            }
            if (path.startsWith("/api/v1/namespaces")) {
                return namespacesForbidden ? status(403, "Forbidden") : json(200, "{\"kind\":\"NamespaceList\","
                        + "\"apiVersion\":\"v1\",\"metadata\":{},\"items\":["
                        + "{\"metadata\":{\"name\":\"shop\"}},{\"metadata\":{\"name\":\"default\"}}]}");
            }
            return status(404, "NotFound");
        }

        private MockResponse status(int code, String reason) {
            return json(code, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\""
                    + reason + "\",\"code\":" + code + "}");
        }

        private MockResponse json(int code, String body) {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody(body);
        }
    }
}
