package dev.coalmine;

import java.util.Map;
import java.util.Properties;

/**
 * The CLI's stderr is for its own progress and errors: libraries log only errors there (fabric8 warns about every
 * "unstable version" it serves, e.g. metrics.k8s.io/v1beta1, and that is not the user's business), and fabric8's
 * informers nothing: a watch whose first list is refused logs a stack trace, and the command then names the missing
 * permission itself. A level the user set with {@code -Dorg.slf4j.simpleLogger…} wins.
 */
final class CliLogging {
    static final Map<String, String> QUIET = Map.of(
            "org.slf4j.simpleLogger.defaultLogLevel", "warn",
            "org.slf4j.simpleLogger.log.io.fabric8", "error",
            "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.informers", "off",
            "org.slf4j.simpleLogger.log.io.vertx", "error",
            "org.slf4j.simpleLogger.log.io.netty", "error");

    private CliLogging() {
    }

    /** Call before anything logs: slf4j-simple reads its settings once. */
    static void quiet(Properties system) {
        QUIET.forEach(system::putIfAbsent);
    }
}
