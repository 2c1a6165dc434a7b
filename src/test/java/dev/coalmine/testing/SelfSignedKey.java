package dev.coalmine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/** A fresh RSA key with a self-signed certificate, made by the JDK's keytool (the JDK has no certificate API). */
public final class SelfSignedKey {
    public static final String ALIAS = "key";
    public static final char[] PASSWORD = "changeit".toCharArray();

    private SelfSignedKey() {
    }

    /** A PKCS12 key store in {@code dir} holding the key and certificate under {@link #ALIAS}, for {@code cn}. */
    public static KeyStore generate(Path dir, String cn) {
        Path store = dir.resolve("key-" + System.nanoTime() + ".p12");
        Path log = dir.resolve("keytool.log");
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + cn,
                    "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + Files.readString(log));
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
