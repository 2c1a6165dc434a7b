package dev.coalmine.cli.canary;

import dev.coalmine.kube.release.ManifestFile;
import java.nio.file.Path;

/** The manifest {@code -f} names: a file, or {@code -} for stdin; both read through {@link ManifestFile}'s limit. */
final class ManifestInput {
    private static final Path STDIN = Path.of("-");

    private final Path source;

    ManifestInput(Path source) {
        this.source = source;
    }

    /** "stdin" or the file's path, as messages name the manifest. */
    String name() {
        return STDIN.equals(source) ? "stdin" : source.toString();
    }

    /** The manifest as UTF-8 text; a {@code CoalmineException} if it cannot be read or is above the limit. */
    String read() {
        return STDIN.equals(source) ? ManifestFile.read(System.in, name()) : ManifestFile.read(source);
    }
}
