package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The manifest {@code -f} names (a file, or {@code -} for stdin), read with a size limit: at most the limit and
 * one byte are ever read, so endless input such as {@code /dev/zero} fails fast instead of filling the memory.
 */
final class ManifestInput {
    static final int LIMIT_BYTES = 4 * 1024 * 1024;
    private static final double MIB = 1024 * 1024;
    private static final Path STDIN = Path.of("-");

    private final Path source;

    ManifestInput(Path source) {
        this.source = source;
    }

    /** "stdin" or the file's path, as messages name the manifest. */
    String name() {
        return STDIN.equals(source) ? "stdin" : source.toString();
    }

    /** The manifest as UTF-8 text; a {@link CoalmineException} if it cannot be read or is above the limit. */
    String read() {
        try {
            if (STDIN.equals(source)) {
                return decode(System.in.readNBytes(LIMIT_BYTES + 1));
            }
            try (InputStream in = Files.newInputStream(source)) {
                return decode(in.readNBytes(LIMIT_BYTES + 1));
            }
        } catch (IOException e) {
            throw new CoalmineException("cannot read the manifest file " + name() + ": " + e.getMessage(), e);
        }
    }

    private String decode(byte[] bytes) throws IOException {
        if (bytes.length > LIMIT_BYTES) {
            throw new CoalmineException("the manifest file " + name() + " is " + describeSize()
                    + "; Coalmine reads manifests up to " + megabytes(LIMIT_BYTES));
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** A regular file's size; a stream's (stdin, a device, a pipe) is not known, only that it passed the limit. */
    private String describeSize() throws IOException {
        if (!STDIN.equals(source) && Files.isRegularFile(source)) {
            return String.format(Locale.ROOT, "%.1f MiB", Files.size(source) / MIB);
        }
        return "more than " + megabytes(LIMIT_BYTES);
    }

    private static String megabytes(int bytes) {
        return Math.round(bytes / MIB) + " MiB";
    }
}
