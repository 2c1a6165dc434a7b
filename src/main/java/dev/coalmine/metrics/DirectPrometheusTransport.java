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
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Prometheus reached by its URL with the JDK's HTTP client; TLS certificates are verified by the JVM's trust store. */
public final class DirectPrometheusTransport implements PrometheusTransport {
    private static final int MAX_REDIRECTS = 5;
    private final URI baseUrl;
    private final PrometheusAuth auth;
    private final Duration timeout;
    private final HttpClient http;

    public DirectPrometheusTransport(URI baseUrl, PrometheusAuth auth, Duration timeout) {
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
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
        URI target = URI.create(baseUrl + pathAndQuery);
        HttpOrigin home = HttpOrigin.of(target);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean atHome = HttpOrigin.of(target).equals(home);
            String who = atHome ? describe() : HttpOrigin.of(target) + " (where " + describe()
                    + " redirected; credentials are not sent to another host)";
            HttpResponse<String> response = send(target, atHome, who);
            Optional<URI> next = response.headers().firstValue("Location").filter(location -> isRedirect(response.statusCode()))
                    .map(target::resolve);
            if (next.isEmpty()) {
                return new Answer(response.statusCode(), response.body(), who);
            }
            target = next.get();
        }
        throw new PrometheusUnreachableException(describe() + " redirected more than " + MAX_REDIRECTS
                + " times. Give the URL Prometheus answers at.");
    }

    /** Credentials go only to the origin the operator named: a redirect elsewhere gets none (as curl does). */
    private HttpResponse<String> send(URI target, boolean withCredentials, String who) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout).GET().header("Accept", "application/json");
        if (withCredentials) {
            auth.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PrometheusUnreachableException(who + " did not answer within " + timeout.toSeconds()
                    + " s. Check that it is up and not overloaded, or query a shorter window.", e);
        } catch (ConnectException e) {
            throw new PrometheusUnreachableException("Cannot connect to " + who + " (" + reasonOf(e) + ").",
                    "Check that Prometheus is running and the URL is right; if it runs inside the cluster, "
                    + "use --prometheus-service NAMESPACE/SERVICE:PORT instead.", e);
        } catch (SSLException e) {
            throw new PrometheusUnreachableException("TLS with " + who + " failed (" + reasonOf(e) + ").",
                    "Its certificate must be trusted by Java's trust store (javax.net.ssl.trustStore), "
                    + "or use --prometheus-service to go through the Kubernetes API server.", e);
        } catch (IOException e) {
            throw new PrometheusUnreachableException("Cannot reach " + who + " (" + reasonOf(e)
                    + "). Check that Prometheus is running and the URL is right.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusUnreachableException("Interrupted while waiting for " + who + ".", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
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
