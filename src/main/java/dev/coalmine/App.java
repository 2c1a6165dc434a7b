package dev.coalmine;

import dev.coalmine.app.DemoCommand;
import dev.coalmine.cli.Cli;
import dev.coalmine.cli.KubeTarget;
import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.ui.ConsoleLauncher;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import java.nio.file.Path;

/**
 * The composition root. Deliberately not a JavaFX {@code Application}: a plain main class lets the
 * shaded jar start JavaFX from the classpath, and lets the CLI run without a display.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // What the command line does with no arguments, without first building the whole command tree
            // (picocli introspection and the CLI's classes cost ~0.4 s before the window could start).
            openConsole(KubeTarget.defaults());
            System.exit(0);
        }
        System.exit(new Cli(App::openConsole, new DemoCommand()).run(args));
    }

    private static void openConsole(KubeTarget target) {
        LogFile.useFor(LogFile.location(System.getenv(), Path.of(System.getProperty("user.home"))));
        try (ConsoleDemo demo = new ConsoleDemo(
                () -> DemoOptions.defaults().withComponents(SimulatedComponents.realistic()))) {
            ConsoleLauncher.open(new KubeconfigClusterAccess(target, KubeEnvironment.fromSystem(),
                    new ClusterConnector(), demo::kubeconfig));
        }
    }
}
