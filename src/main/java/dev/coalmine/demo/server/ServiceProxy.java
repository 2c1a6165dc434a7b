package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's service proxy, {@code /api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH}: forwards
 * to the first address of the Service's Endpoints for that port. Only loopback addresses can be reached (the
 * demo's own pages, or a local Prometheus given to a selector-less Service with hand-written Endpoints);
 * simulated pods serve no HTTP.
 */
final class ServiceProxy {
    private static final Pattern PROXY = Pattern.compile(
            "^/api/v1/namespaces/([^/]+)/services/([^/]+)/proxy(/[^?]*)?(\\?.*)?$");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ClusterStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    ServiceProxy(ClusterStore store) {
        this.store = store;
    }

    /** The request, if it is a service proxy request. */
    static Optional<Matcher> match(String uri) {
        Matcher m = PROXY.matcher(uri);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** The backend's answer, or the API server's own Status answer when it cannot forward. */
    MockResponse answer(Matcher request, String method, String contentType, byte[] body) {
        try {
            return forward(request, method, contentType, body);
        } catch (ApiFailure e) {
            return e.response();
        }
    }

    private MockResponse forward(Matcher request, String method, String contentType, byte[] body) {
        String namespace = request.group(1);
        ServiceReference ref = ServiceReference.parse(request.group(2));
        JsonNode service = store.read("/api/v1/namespaces/" + namespace + "/services/" + ref.name())
                .orElseThrow(() -> new ApiFailure(StatusResponses.failure(404, "NotFound",
                        "services \"" + ref.name() + "\" not found", "", "services", ref.name())));
        JsonNode port = ref.portOf(service).orElseThrow(() -> unavailable("no service port \"" + ref.port()
                + "\" found for service \"" + ref.name() + "\""));
        Endpoint endpoint = Endpoint.of(store.read("/api/v1/namespaces/" + namespace + "/endpoints/" + ref.name()),
                port.path("name").asText()).orElseThrow(() -> unavailable(
                        "no endpoints available for service \"" + ref.name() + "\""));
        if (!isLoopback(endpoint.ip())) {
            throw unavailable("error trying to reach service: dial tcp " + endpoint.ip() + ":" + endpoint.port()
                    + ": the demo cluster's simulated pods serve no HTTP");
        }
        String path = request.group(3) == null ? "/" : request.group(3);
        String query = request.group(4) == null ? "" : request.group(4);
        return send(URI.create(ref.scheme() + "://" + endpoint.ip() + ":" + endpoint.port() + path + query),
                method, contentType, body);
    }

    private MockResponse send(URI target, String method, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            MockResponse response = new MockResponse().setResponseCode(answer.statusCode()).setBody(
                    new Buffer(answer.body()));
            answer.headers().firstValue("Content-Type").ifPresent(type -> response.setHeader("Content-Type", type));
            return response;
        } catch (IOException e) {
            throw unavailable("error trying to reach service: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while proxying to " + target);
        }
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ApiFailure unavailable(String message) {
        return new ApiFailure(StatusResponses.failure(503, "ServiceUnavailable", message));
    }
}
