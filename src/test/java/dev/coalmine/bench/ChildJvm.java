package dev.coalmine.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a benchmark needs to start a JVM like the one it runs in. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The java launcher of the running JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The test classpath surefire runs with (its booter jar only points at it), without the tests' Bouncy Castle: the
     * shipped jar has none, and with it on the classpath Netty builds a provider at the demo API server's first
     * connection, which a user's console does not pay.
     */
    static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path");
        String all = classpath != null && !classpath.isBlank() ? classpath : System.getProperty("java.class.path");
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().matches("bc(prov|pkix|util)-.*\\.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
