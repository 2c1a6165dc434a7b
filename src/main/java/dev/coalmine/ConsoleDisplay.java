package dev.coalmine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the console can open a window here. Checked before JavaFX starts: on a server or in a container without a
 * display the toolkit would fail with a stack trace, where the user needs to hear about the CLI.
 */
final class ConsoleDisplay {
    static final String NEEDED = "the console needs a display (DISPLAY or WAYLAND_DISPLAY), and none is set or reachable; "
            + "without one, use the command line: coalmine canary --help (e.g. coalmine canary status DEPLOYMENT -n "
            + "NAMESPACE)";

    private ConsoleDisplay() {
    }

    /**
     * Empty when a window can open: Windows and macOS always have a display, X11 and Wayland say so in the environment,
     * and JavaFX's headless Monocle platform ({@code -Dmonocle.platform=Headless}, tests and benchmarks) needs none.
     */
    static Optional<String> missing(String osName, Map<String, String> env, String monoclePlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Headless".equalsIgnoreCase(monoclePlatform)) {
            return Optional.empty();
        }
        boolean display = isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"));
        return display ? Optional.empty() : Optional.of(NEEDED);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
