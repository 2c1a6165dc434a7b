package dev.coalmine.kube.config;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.internal.CertUtils;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust as kubectl has it: a cluster whose kubeconfig names a certificate authority is trusted only if that
 * authority signed its certificate. fabric8 adds the kubeconfig's authority to the JVM's default trust store, so a
 * certificate any public authority issued for the server's address would pass as well.
 */
final class KubeconfigTrust {
    private KubeconfigTrust() {
    }

    /**
     * Makes {@code http} trust only the kubeconfig's authorities, with the same client certificate; leaves it as
     * fabric8 set it up when the kubeconfig names no authority (then the JVM's trust store, as kubectl uses the
     * system's roots) or skips verification ({@code insecure-skip-tls-verify}).
     */
    static void applyTo(HttpClient.Builder http, Config config) {
        if (config.isTrustCerts() || (isBlank(config.getCaCertData()) && isBlank(config.getCaCertFile()))) {
            return;
        }
        try {
            http.sslContext(SSLUtils.keyManagers(config), onlyTheAuthorities(config));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot use the certificate authority of the kubeconfig: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] onlyTheAuthorities(Config config)
            throws GeneralSecurityException, IOException {
        KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
        authorities.load(null, null);
        try (InputStream pem = CertUtils.getInputStreamFromDataOrFile(config.getCaCertData(), config.getCaCertFile())) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            int n = 0;
            for (Certificate certificate : certificates) {
                authorities.setCertificateEntry("kubeconfig-ca-" + n++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(authorities);
        return trust.getTrustManagers();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
