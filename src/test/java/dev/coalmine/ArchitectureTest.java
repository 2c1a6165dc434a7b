package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md, checked on the sources so a violation fails the build. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/coalmine");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void coreImportsNeitherJavaFxNorFabric8() throws IOException {
        assertThat(violations(MAIN.resolve("core"), "javafx.", "io.fabric8.")).isEmpty();
    }

    @Test
    void onlyUiImportsJavaFxScene() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(MAIN)) {
            found = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("ui")))
                    .flatMap(p -> importsOf(p, "javafx.scene").stream())
                    .toList();
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theRuleCatchesAForbiddenImport() throws IOException {
        Path dir = Files.createTempDirectory("arch");
        Files.writeString(dir.resolve("Bad.java"), "package x;\nimport io.fabric8.kubernetes.api.model.Pod;\nclass Bad {}\n");
        assertThat(violations(dir, "io.fabric8.")).hasSize(1);
    }

    private static List<String> violations(Path root, String... prefixes) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> Stream.of(prefixes).flatMap(prefix -> importsOf(p, prefix).stream()))
                    .toList();
        }
    }

    private static List<String> importsOf(Path file, String prefix) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            return m.results().map(r -> r.group(2)).filter(i -> i.startsWith(prefix))
                    .map(i -> file + " imports " + i).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
