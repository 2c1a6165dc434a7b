package dev.coalmine.cli.canary;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS API server on 127.0.0.1 with a self-signed certificate made by keytool, which answers every request
 * 401 Unauthorized as kube-apiserver does for a token it does not know. Its certificate is the CA a kubeconfig must
 * trust to get that far.
 */
final class TokenRefusingApiServer implements AutoCloseable {
    private static final String PASSWORD = "changeit";
    private static final String UNAUTHORIZED = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized",\
            "reason":"Unauthorized","code":401}""";

    private final HttpsServer server;
    private final String caPem;

    private TokenRefusingApiServer(HttpsServer server, String caPem) {
        this.server = server;
        this.caPem = caPem;
    }

    static TokenRefusingApiServer start(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        KeyStore store = selfSigned(dir, "api");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", exchange -> {
            byte[] body = UNAUTHORIZED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        return new TokenRefusingApiServer(https, pem(store.getCertificate("api")));
    }

    /** A key pair and its self-signed certificate for 127.0.0.1, made by keytool, under {@code alias}. */
    static KeyStore selfSigned(Path dir, String alias) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path keystore = dir.resolve(alias + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-alias", alias, "-keyalg", "EC", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1").redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + said);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** A certificate in PEM, as a kubeconfig's {@code certificate-authority} file holds it. */
    static String pem(Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Its own certificate in PEM: the CA that makes a client trust it. */
    String caPem() {
        return caPem;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
