package dev.coalmine.ui.journey;

import dev.coalmine.App;
import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.ui.ConsoleLauncher;
import dev.coalmine.ui.connect.ConnectedCluster;
import dev.coalmine.ui.connect.ConnectionViewModel;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;

/** The real console on the TestFX stage, connected to a demo cluster with fast simulated controllers. */
final class ConsoleFixture implements AutoCloseable {
    private final ConsoleDemo demo;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "journey-background");
        t.setDaemon(true);
        return t;
    });
    private final Path home;
    private ConnectionViewModel connection;

    ConsoleFixture() throws IOException {
        this(DemoOptions.defaults());
    }

    /** A console on a demo cluster started with {@code options} (seeded or empty) and fast simulated controllers. */
    ConsoleFixture(DemoOptions options) throws IOException {
        demo = new ConsoleDemo(options.withComponents(SimulatedComponents.of(SimulationSettings.fast(),
                TrafficSettings.fast())));
        home = Files.createTempDirectory("coalmine-journey-home");
        demo.kubeconfig();
    }

    /** Opens the console; with no kubeconfig in the (empty) home it connects to the demo cluster. */
    void show(Stage stage) {
        KubeconfigClusterAccess access = new KubeconfigClusterAccess(KubeTarget.defaults(),
                new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), demo::kubeconfig,
                App.demoAddOn());
        started(ConsoleLauncher.show(stage, access, background));
    }

    /**
     * Opens the console with the demo's kubeconfig as the user's ~/.kube/config, as after {@code coalmine demo}: it
     * connects to that context like to any cluster (the built-in demo is never started by this console).
     */
    void showThroughKubeconfigFile(Stage stage) throws IOException {
        showWithKubeconfig(stage, Files.readString(demo.kubeconfig()));
    }

    /** Opens the console with {@code kubeconfig} as the user's ~/.kube/config (the built-in demo is never started). */
    void showWithKubeconfig(Stage stage, String kubeconfig) throws IOException {
        Path config = home.resolve(".kube").resolve("config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, kubeconfig);
        KubeconfigClusterAccess access = new KubeconfigClusterAccess(KubeTarget.defaults(),
                new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), () -> {
                    throw new IllegalStateException("the built-in demo must not be started");
                }, App.demoAddOn());
        started(ConsoleLauncher.show(stage, access, background));
    }

    private void started(ConnectionViewModel console) {
        connection = console;
        console.start();
    }

    DemoCluster cluster() {
        return demo.running().orElseThrow();
    }

    KubernetesClient client() {
        return cluster().client();
    }

    Path kubeconfig() {
        return demo.kubeconfig();
    }

    /** The informers the connected console uses now, not those it keeps a minute in case they are wanted again. */
    int informersInUse() {
        return connection.connectedProperty().get().cache().inUse();
    }

    /**
     * Closes the console's connection, then the demo cluster. In the product the process ends with the window; here
     * an open client's informers would retry against the stopped cluster for the rest of the test run, logging a
     * stack trace each time (into another test's captured stderr).
     */
    @Override
    public void close() {
        if (connection != null) {
            ConnectedCluster open = connection.connectedProperty().get();
            if (open != null) {
                try {
                    open.resources().close();
                } catch (Exception e) {
                    // closing a connection the test is done with: nothing to undo
                }
            }
        }
        background.shutdownNow();
        demo.close();
    }
}
