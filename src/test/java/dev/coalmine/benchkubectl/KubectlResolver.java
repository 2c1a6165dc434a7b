package dev.coalmine.benchkubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kubectl binary that does the work. A plain kubectl is itself (symbolic links followed). A dispatcher (Google
 * Cloud SDK: {@code kubectl} beside {@code kubectl.1.31}, {@code kubectl.1.32}, …) is replaced by the versioned
 * binary beside it of its own minor version, else the newest one there.
 */
public final class KubectlResolver {
    private KubectlResolver() {
    }

    /**
     * @param onPath  the kubectl a user would run, e.g. {@code /usr/bin/kubectl}
     * @param version what that kubectl's {@code version --client} prints
     */
    public static Path resolve(Path onPath, ClientVersion version) {
        Path real = realPath(onPath);
        if (!version.isDispatcher()) {
            return real;
        }
        Pattern versioned = Pattern.compile(Pattern.quote(real.getFileName().toString()) + "\\.(\\d+)\\.(\\d+)");
        try (Stream<Path> siblings = Files.list(real.getParent())) {
            return siblings.filter(Files::isExecutable)
                    .flatMap(path -> minorVersion(versioned, path).stream())
                    .max(Comparator.comparing((Versioned v) -> v.major() == version.major() && v.minor() == version.minor())
                            .thenComparingInt(Versioned::major).thenComparingInt(Versioned::minor))
                    .map(Versioned::path)
                    .orElseThrow(() -> new IllegalStateException(onPath + " is a kubectl dispatcher (" + version.text()
                            + ") with no versioned kubectl beside it in " + real.getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Versioned(Path path, int major, int minor) {
    }

    private static Optional<Versioned> minorVersion(Pattern versioned, Path path) {
        Matcher matcher = versioned.matcher(path.getFileName().toString());
        return matcher.matches()
                ? Optional.of(new Versioned(path, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
