package dev.coalmine.tools;

import dev.coalmine.App;
import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.ui.ConsoleLauncher;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The real console for a screenshot tour: on the demo cluster, at the top left of the display, at a given size. */
final class TourConsole {
    private TourConsole() {
    }

    /** Starts JavaFX and shows the console connected to {@code demo}; returns its stage once created. */
    static Stage show(ConsoleDemo demo, int width, int height) throws Exception {
        KubeconfigClusterAccess access = new KubeconfigClusterAccess(KubeTarget.defaults(),
                new KubeEnvironment(Optional.empty(), Files.createTempDirectory("coalmine-tour"), "/usr/bin:/bin"),
                new ClusterConnector(), demo::kubeconfig, App.demoAddOn());
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        Stage[] stage = new Stage[1];
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            stage[0] = new Stage();
            ConsoleLauncher.show(stage[0], access, background).start();
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].setWidth(width);
            stage[0].setHeight(height);
            shown.countDown();
        });
        shown.await();
        return stage[0];
    }
}
