package dev.coalmine.bench;

import java.nio.file.Path;

/** What a benchmark needs to start a JVM like the one it runs in. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The java launcher of the running JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test classpath surefire runs with (its booter jar only points at it). */
    static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null && !classpath.isBlank() ? classpath : System.getProperty("java.class.path");
    }
}
