package dev.coalmine.metrics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Prometheus reached by its URL with the JDK's HTTP client; TLS certificates are verified by the JVM's trust store. */
public final class DirectPrometheusTransport implements PrometheusTransport {
    private final URI baseUrl;
    private final PrometheusAuth auth;
    private final Duration timeout;
    private final HttpClient http;

    public DirectPrometheusTransport(URI baseUrl, PrometheusAuth auth, Duration timeout) {
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Parses {@code http(s)://[user:password@]host:port[/prefix]}; credentials in the URL become basic auth
     * (unless {@code auth} says otherwise) and are removed from the URL shown in messages.
     */
    public static DirectPrometheusTransport of(String url, PrometheusAuth auth, Duration timeout) {
        URI parsed;
        try {
            parsed = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new MetricSourceException("'" + redact(url) + "' is not a URL: give Prometheus's base URL, e.g. http://localhost:9090.");
        }
        if (parsed.getScheme() == null || !parsed.getScheme().matches("https?") || parsed.getHost() == null) {
            throw new MetricSourceException("'" + redact(url) + "' is not an http(s) URL: give Prometheus's base URL, e.g. http://localhost:9090.");
        }
        PrometheusAuth effective = auth;
        if (parsed.getRawUserInfo() != null && auth instanceof PrometheusAuth.None) {
            String[] pair = parsed.getRawUserInfo().split(":", 2);
            effective = PrometheusAuth.basic(decode(pair[0]), pair.length > 1 ? decode(pair[1]) : "");
        }
        String path = parsed.getRawPath() == null ? "" : parsed.getRawPath().replaceAll("/+$", "");
        try {
            URI clean = new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(), null, null, null);
            return new DirectPrometheusTransport(URI.create(clean + path), effective, timeout);
        } catch (URISyntaxException e) {
            throw new MetricSourceException("'" + redact(url) + "' is not a usable URL: " + e.getReason() + ".");
        }
    }

    @Override
    public Answer get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout).GET()
                .header("Accept", "application/json");
        auth.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new PrometheusUnreachableException(describe() + " did not answer within " + timeout.toSeconds()
                    + " s. Check that it is up and not overloaded, or query a shorter window.", e);
        } catch (ConnectException e) {
            throw new PrometheusUnreachableException("Cannot connect to " + describe() + " (" + reasonOf(e)
                    + "). Check that Prometheus is running and the URL is right; if it runs inside the cluster, "
                    + "use --prometheus-service NAMESPACE/SERVICE:PORT instead.", e);
        } catch (SSLException e) {
            throw new PrometheusUnreachableException("TLS with " + describe() + " failed (" + reasonOf(e)
                    + "). Its certificate must be trusted by Java's trust store (javax.net.ssl.trustStore), "
                    + "or use --prometheus-service to go through the Kubernetes API server.", e);
        } catch (IOException e) {
            throw new PrometheusUnreachableException("Cannot reach " + describe() + " (" + reasonOf(e)
                    + "). Check that Prometheus is running and the URL is right.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusUnreachableException("Interrupted while waiting for " + describe() + ".", e);
        }
    }

    @Override
    public String describe() {
        return "Prometheus at " + baseUrl;
    }

    private static String reasonOf(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
        }
        return message;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL with any user:password@ removed, to quote it in a message. */
    static String redact(String url) {
        return url == null ? "" : url.replaceAll("//[^/@]*@", "//");
    }
}
