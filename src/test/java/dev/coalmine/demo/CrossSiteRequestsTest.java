package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.DemoHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo API server answers only what a local client sends: a web page cannot reach it by DNS rebinding (Host),
 * by a cross-origin request (Origin), or by a state-changing request that needs no CORS preflight.
 */
class CrossSiteRequestsTest {
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
    private static DemoCluster cluster;
    private static DemoHttp http;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults());
        http = DemoHttp.of(cluster);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String configMap(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"data\":{\"planted\":\"yes\"}}";
    }

    private static HttpRequest.Builder request(String path) {
        return http.request(path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request);
    }

    private static HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return send(request(CONFIG_MAPS).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static boolean exists(String name) {
        return cluster.client().configMaps().inNamespace("default").withName(name).get() != null;
    }

    private static void assertForbiddenStatus(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"kind\":\"Status\"", "\"reason\":\"Forbidden\"", "\"code\":403");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "TEXT/PLAIN"})
    void aPostAWebPageCanSendWithoutPreflightCreatesNothing(String contentType) throws Exception {
        String name = "planted-" + Integer.toHexString(contentType.hashCode());
        assertForbiddenStatus(post(contentType, configMap(name)));
        assertThat(exists(name)).isFalse();
    }

    @Test
    void aPostWithABodyAndNoContentTypeCreatesNothing() throws Exception {
        assertForbiddenStatus(send(request(CONFIG_MAPS)
                .POST(HttpRequest.BodyPublishers.ofString(configMap("planted-untyped")))));
        assertThat(exists("planted-untyped")).isFalse();
    }

    @Test
    void aRequestFromAnotherOriginIsRefused() throws Exception {
        assertForbiddenStatus(send(request(CONFIG_MAPS).header("Origin", "http://evil.example").GET()));
        assertForbiddenStatus(send(request(CONFIG_MAPS).header("Origin", "null").GET()));
        assertThat(send(request(CONFIG_MAPS).header("Origin", "http://localhost:8080").GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void whatKubectlAndFabric8SendStillWorks() throws Exception {
        assertThat(post("application/json", configMap("typed")).statusCode()).isEqualTo(201);
        for (String patchType : new String[] {"application/merge-patch+json",
                "application/strategic-merge-patch+json"}) {
            assertThat(send(request(CONFIG_MAPS + "/typed").header("Content-Type", patchType)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"more\":\"1\"}}")))
                    .statusCode()).as(patchType).isEqualTo(200);
        }
        assertThat(send(request(CONFIG_MAPS + "/typed").header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "[{\"op\":\"add\",\"path\":\"/data/json\",\"value\":\"1\"}]"))).statusCode()).isEqualTo(200);
        assertThat(send(request(CONFIG_MAPS + "/typed").DELETE()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "127.0.0.1.evil.example:80", "localhost.evil.example"})
    void aHostThatIsNotALoopbackNameIsRefused(String host) throws IOException {
        assertThat(rawStatusLine("GET", host)).contains(" 403 ");
        assertThat(rawStatusLine("POST", host)).contains(" 403 ");
        assertThat(exists("rebound")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost:6443", "LOCALHOST", "[::1]", "[::1]:443"})
    void aLoopbackNameWithAnyPortIsServed(String host) throws IOException {
        assertThat(rawStatusLine("GET", host)).contains(" 200 ");
    }

    /** Sends a request with the given Host header (java.net.http does not let one set it) and reads its status. */
    private static String rawStatusLine(String method, String host) throws IOException {
        String body = "POST".equals(method) ? configMap("rebound") : "";
        String request = method + " " + CONFIG_MAPS + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                + "Authorization: " + http.authorization() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        try (Socket socket = http.socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("");
        }
    }
}
