package dev.coalmine.testing;

import dev.coalmine.demo.DemoCluster;
import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain HTTP requests to a demo cluster's API server, as a client with its kubeconfig makes them: over TLS trusting
 * only the cluster's certificate, with its bearer token ({@link #request}) or without ({@link #anonymous}). For a
 * request java.net.http cannot send (a Host header of one's own, a read to a reset), {@link #socket()}.
 */
public final class DemoHttp {
    private final URI server;
    private final String token;
    private final SSLContext tls;
    private final HttpClient client;

    private DemoHttp(URI server, String token, SSLContext tls) {
        this.server = server;
        this.token = token;
        this.tls = tls;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static DemoHttp of(DemoCluster cluster) {
        Config config = cluster.clientConfig();
        return new DemoHttp(URI.create(config.getMasterUrl()), config.getOauthToken(),
                trusting(Base64.getDecoder().decode(config.getCaCertData())));
    }

    /** A request for {@code path} (with its query) carrying the cluster's token. */
    public HttpRequest.Builder request(String path) {
        return anonymous(path).header("Authorization", authorization());
    }

    /** A request for {@code path} without any credential. */
    public HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the {@code Authorization} header the cluster accepts. */
    public String authorization() {
        return "Bearer " + token;
    }

    /** A new TLS connection to the API server, its handshake done, reads timing out after 30 s. */
    public SSLSocket socket() throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(server.getHost(), server.getPort());
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    private static SSLContext trusting(byte[] certificatePem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("demo", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem)));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
