package dev.coalmine.demo.server;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The few ASN.1 DER encodings an X.509 certificate needs (ITU-T X.690), enough for {@link SelfSignedCertificate}. */
final class Der {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return element(0x30, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return element(0x31, concat(elements));
    }

    static byte[] integer(BigInteger value) {
        return element(0x02, value.toByteArray());
    }

    static byte[] objectIdentifier(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return element(0x06, out.toByteArray());
    }

    static byte[] utf8String(String text) {
        return element(0x0c, text.getBytes(StandardCharsets.UTF_8));
    }

    /** UTCTime, which RFC 5280 requires for dates before 2050. */
    static byte[] utcTime(Instant time) {
        return element(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] octetString(byte[] content) {
        return element(0x04, content);
    }

    /** A BIT STRING of whole bytes (no unused bits). */
    static byte[] bitString(byte[] content) {
        return element(0x03, concat(new byte[] {0}, content));
    }

    /** {@code [tag] EXPLICIT}: a constructed context-specific element wrapping {@code inner}. */
    static byte[] explicit(int tag, byte[] inner) {
        return element(0xa0 | tag, inner);
    }

    /** {@code [tag] IMPLICIT} of a primitive type: its content under a context-specific tag. */
    static byte[] implicit(int tag, byte[] content) {
        return element(0x80 | tag, content);
    }

    private static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
        for (int group = groups - 1; group >= 0; group--) {
            int bits = (int) (arc >>> (7 * group)) & 0x7f;
            out.write(group == 0 ? bits : bits | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
