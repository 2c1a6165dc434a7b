package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;

/** The demo API server's certificate, made without keytool, as the JDK's own X.509 parser reads it. */
class SelfSignedCertificateTest {

    @Test
    void isAnX509V3CertificateForLoopbackSignedByItsOwnKey() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.generate("coalmine-demo");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(made.certificatePem().getBytes(StandardCharsets.US_ASCII)));

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=coalmine-demo")
                .isEqualTo(certificate.getIssuerX500Principal().getName());
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(7, "127.0.0.1"), List.of(2, "localhost"));
        assertThat(Duration.between(Instant.now(), certificate.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(SelfSignedCertificate.VALIDITY).isGreaterThan(Duration.ofDays(29));
    }

    @Test
    void keyManagersServeTheCertificateWithItsKey() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.generate("coalmine-demo");
        X509KeyManager keys = (X509KeyManager) made.keyManagers().getKeyManagers()[0];

        String alias = keys.chooseServerAlias("EC", null, null);
        X509Certificate served = keys.getCertificateChain(alias)[0];
        assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=coalmine-demo");
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(keys.getPrivateKey(alias));
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(served.getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();
    }

    @Test
    void everyStartMakesANewKey() {
        assertThat(SelfSignedCertificate.generate("a").certificatePem())
                .isNotEqualTo(SelfSignedCertificate.generate("a").certificatePem());
    }
}
