package dev.coalmine.demo.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;

/**
 * The demo API server's TLS identity, made at start in pure JDK code (the packaged runtime has no keytool): an EC
 * P-256 key and a self-signed X.509 v3 certificate for IP 127.0.0.1 and DNS localhost, valid from a minute ago for
 * {@link #VALIDITY}. The kubeconfig the demo writes trusts exactly this certificate.
 */
final class SelfSignedCertificate {
    /** Long enough for any training day and a forgotten demo over a holiday; a new start makes a new certificate. */
    static final Duration VALIDITY = Duration.ofDays(30);
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private final KeyPair keyPair;
    private final byte[] certificate;

    private SelfSignedCertificate(KeyPair keyPair, byte[] certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    static SelfSignedCertificate generate(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            byte[] algorithm = Der.sequence(Der.objectIdentifier(ECDSA_WITH_SHA256));
            byte[] subject = Der.sequence(Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String(name))));
            byte[] altNames = Der.sequence(
                    Der.implicit(IP_ADDRESS, InetAddress.getLoopbackAddress().getAddress()),
                    Der.implicit(DNS_NAME, "localhost".getBytes(StandardCharsets.US_ASCII)));
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(new BigInteger(64, new SecureRandom()).setBit(63)),
                    algorithm,
                    subject,
                    Der.sequence(Der.utcTime(now.minus(Duration.ofMinutes(1))), Der.utcTime(now.plus(VALIDITY))),
                    subject,
                    keys.getPublic().getEncoded(),
                    Der.explicit(3, Der.sequence(Der.sequence(Der.objectIdentifier(SUBJECT_ALT_NAME),
                            Der.octetString(altNames)))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            return new SelfSignedCertificate(keys, Der.sequence(tbs, algorithm, Der.bitString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the demo API server's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate as PEM, as a kubeconfig's {@code certificate-authority-data} holds it (base64 of this). */
    String certificatePem() {
        return pem("CERTIFICATE", certificate);
    }

    /**
     * The key and certificate as the server's TLS key managers. The store holding them lives in memory only and is a
     * JKS one: the JDK's default PKCS#12 store encrypts the key with 10,000 rounds of PBKDF2, which took ~0.2 s of the
     * demo's start in a JVM not yet warm.
     */
    KeyManagerFactory keyManagers() {
        try {
            char[] inMemoryOnly = new char[0];
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            Certificate certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(this.certificate));
            store.setKeyEntry("demo", keyPair.getPrivate(), inMemoryOnly, new Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, inMemoryOnly);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the demo API server's TLS key: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
