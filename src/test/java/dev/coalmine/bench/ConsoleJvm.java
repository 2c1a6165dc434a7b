package dev.coalmine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JVM the packaged console runs in, as far as it shapes a benchmark: its garbage collector. The benchmarks that
 * host the console in their own JVM run with the collector the console's launcher names, or they would measure
 * pauses the shipped console does not have (or hide ones it has).
 */
final class ConsoleJvm {
    /** The jpackage options of the console's app image; its {@code --java-options} name the collector. */
    static final Path IMAGE_OPTIONS = Path.of("packaging", "jpackage", "image.opts");
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");

    private ConsoleJvm() {
    }

    /** The collector option of the console's launcher, e.g. {@code -XX:+UseZGC}. */
    static String collectorOption() {
        try {
            Matcher m = COLLECTOR.matcher(Files.readString(IMAGE_OPTIONS));
            if (!m.find()) {
                throw new IllegalStateException(IMAGE_OPTIONS + " names no garbage collector in its --java-options");
            }
            return m.group();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless this JVM was started with the console's collector (the bench profile's argLine does that). */
    static void requireConsoleCollector() {
        String option = collectorOption();
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains(option)) {
            throw new IllegalStateException("the benchmark JVM runs " + collectors() + ", the packaged console "
                    + option + " (" + IMAGE_OPTIONS + "); run the benchmarks with mvn -Pbench, whose argLine sets it");
        }
    }

    /** The collectors of this JVM, as its management beans name them. */
    static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("/"));
    }
}
