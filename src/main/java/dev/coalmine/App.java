package dev.coalmine;

import dev.coalmine.cli.Cli;

/**
 * The composition root. Deliberately not a JavaFX {@code Application}: a plain main class lets the
 * shaded jar start JavaFX from the classpath, and lets the CLI run without a display.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        int code = new Cli(target -> dev.coalmine.ui.ConsoleLauncher.open(target)).run(args);
        System.exit(code);
    }
}
