package dev.coalmine.demo.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one credential the demo API server accepts, new at every start: 32 random bytes, base64url. On a shared training
 * machine any local user can reach 127.0.0.1; only who can read the kubeconfig (0600) gets in.
 */
final class BearerToken {
    private final String value;
    private final byte[] expectedHeader;

    private BearerToken(String value) {
        this.value = value;
        this.expectedHeader = ("Bearer " + value).getBytes(StandardCharsets.US_ASCII);
    }

    static BearerToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String value() {
        return value;
    }

    /** Whether an {@code Authorization} header (null if absent) carries this token, compared in constant time. */
    boolean authorizes(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expectedHeader, authorization.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
