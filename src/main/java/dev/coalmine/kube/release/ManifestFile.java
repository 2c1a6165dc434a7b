package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A manifest read with a size limit: at most the limit and one byte are ever read, so endless input such as
 * {@code /dev/zero} fails fast instead of filling the memory. The CLI's {@code -f} and the console's wizard read
 * manifests through it.
 */
public final class ManifestFile {
    public static final int LIMIT_BYTES = 4 * 1024 * 1024;
    private static final double MIB = 1024 * 1024;

    private ManifestFile() {
    }

    /** The file as UTF-8 text; a {@link CoalmineException} if it cannot be read or is above the limit. */
    public static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), Optional.of(file));
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    /** A stream such as stdin, named {@code name} in messages; as {@link #read(Path)}. */
    public static String read(InputStream in, String name) {
        try {
            return read(in, name, Optional.empty());
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    private static String read(InputStream in, String name, Optional<Path> file) throws IOException {
        byte[] bytes = in.readNBytes(LIMIT_BYTES + 1);
        if (bytes.length > LIMIT_BYTES) {
            throw new CoalmineException("the manifest file " + name + " is " + describeSize(file)
                    + "; Coalmine reads manifests up to " + megabytes(LIMIT_BYTES));
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static CoalmineException cannotRead(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CoalmineException("the manifest file " + name + " does not exist; check the path given with -f", e);
        }
        if (e instanceof CharacterCodingException) {
            return new CoalmineException("the manifest file " + name + " is not UTF-8 text (a binary file?); give the "
                    + "YAML manifest", e);
        }
        return new CoalmineException("cannot read the manifest file " + name + ": " + e.getMessage(), e);
    }

    /** A regular file's size; a stream's (stdin, a device, a pipe) is not known, only that it passed the limit. */
    private static String describeSize(Optional<Path> file) throws IOException {
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            return String.format(Locale.ROOT, "%.1f MiB", Files.size(file.get()) / MIB);
        }
        return "more than " + megabytes(LIMIT_BYTES);
    }

    private static String megabytes(int bytes) {
        return Math.round(bytes / MIB) + " MiB";
    }
}
