package dev.coalmine;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.addon.DemoLauncher;
import dev.coalmine.cli.Cli;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.demo.DemoAddOn;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.server.FaultSettings;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.ui.ConsoleLauncher;
import dev.coalmine.ui.connect.ClusterAccess;
import dev.coalmine.ui.connect.EarlyConnection;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import dev.coalmine.ui.connect.LazyClusterAccess;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root. Deliberately not a JavaFX {@code Application}: a plain main class lets the
 * shaded jar start JavaFX from the classpath, and lets the CLI run without a display. The only class outside
 * {@code demo} that knows the demo: it plugs the demo's add-on and launcher into the console and the CLI.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (args.length == 0) {
            // What the command line does with no arguments, without first building the whole command tree
            // (picocli introspection and the CLI's classes cost ~0.4 s before the window could start).
            try {
                openConsole(KubeTarget.defaults());
            } catch (CoalmineException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(1);
            }
            System.exit(0);
        }
        CliLogging.quiet(System.getProperties());
        System.exit(cli(App::openConsole).run(args));
    }

    /** The command line with the demo's parts plugged in. */
    public static Cli cli(Consumer<KubeTarget> consoleLauncher) {
        return new Cli(consoleLauncher, demoAddOn(), Optional.of(demoLauncher()));
    }

    /** Registers the demo's metrics and trainer controls on a cluster that turns out to be the demo. */
    public static ClusterAddOn demoAddOn() {
        return new DemoAddOn();
    }

    private static DemoLauncher demoLauncher() {
        return (port, seeded, faultPercent, faultSeed) -> DemoCluster.start(DemoOptions.defaults().withPort(port)
                .withSeed(seeded).withFaults(new FaultSettings(faultPercent, faultSeed))
                .withComponents(SimulatedComponents.realistic()));
    }

    /** Refuses with a {@link CoalmineException} (an {@code error:} line, exit 1) where no window can open. */
    private static void openConsole(KubeTarget target) {
        ConsoleDisplay.missing(System.getProperty("os.name"), System.getenv(), System.getProperty("monocle.platform"))
                .ifPresent(problem -> {
                    throw new CoalmineException(problem);
                });
        LogFile.useFor(LogFile.location(System.getenv(), Path.of(System.getProperty("user.home"))));
        try (ConsoleDemo demo = new ConsoleDemo(
                () -> DemoOptions.defaults().withComponents(SimulatedComponents.realistic()))) {
            ClusterAccess access = new LazyClusterAccess(() -> new KubeconfigClusterAccess(target,
                    KubeEnvironment.fromSystem(), new ClusterConnector(), demo::kubeconfig, demoAddOn()));
            // With a core to spare, connecting (on the demo: starting it) overlaps the toolkit's start and the first
            // frame; on a busy machine it would only take the FX thread's share (src/site/benchmarks.md, startup).
            ConsoleLauncher.open(SpareCore.available(SpareCore.LOAD_AVERAGE, Runtime.getRuntime().availableProcessors())
                    ? EarlyConnection.start(access) : access);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException toolkitFailed) {
            // JavaFX's "Unable to open DISPLAY": a display was named but cannot be reached.
            throw new CoalmineException(ConsoleDisplay.NEEDED, toolkitFailed);
        }
    }
}
