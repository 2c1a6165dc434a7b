package dev.coalmine.tools;

import dev.coalmine.App;
import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.ui.ConsoleLauncher;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * Screenshots of the layout at 1280×800 in one theme: main window with the demo panel and a scenario script, the
 * judge step after Test connection, the pod logs of a running release, the demo panel replaying the script. Run under
 * Xvfb: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp … dev.coalmine.tools.LayoutShots OUTDIR light|dark}.
 */
public final class LayoutShots {
    private LayoutShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/layout-shots");
        String theme = args.length > 1 ? args[1] : "light";
        Files.createDirectories(out);
        Path script = Files.createTempFile("training", ".yaml");
        Files.writeString(script, "# shop-frontend training\n- at: 0s\n  rate: 100\n  note: busy shop\n- at: 20s\n"
                + "  canary: slow\n  note: latency triples, watch p99\n- at: 1m30s\n  canary: crash\n");
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try (ConsoleDemo demo = new ConsoleDemo(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())))) {
            KubeconfigClusterAccess access = new KubeconfigClusterAccess(KubeTarget.defaults(),
                    new KubeEnvironment(Optional.empty(), Files.createTempDirectory("coalmine-shots"), "/usr/bin:/bin"),
                    new ClusterConnector(), demo::kubeconfig, App.demoAddOn());
            Stage[] stage = new Stage[1];
            Platform.startup(() -> {
                stage[0] = new Stage();
                ConsoleLauncher.show(stage[0], access, background).start();
                stage[0].setX(0);
                stage[0].setY(0);
            });
            await(() -> onFx(() -> table(stage[0]) != null && table(stage[0]).getItems().size() >= 2
                    && table(stage[0]).getItems().stream().allMatch(w -> w.isSteady())));
            if (theme.equals("dark")) {
                fire(stage[0], "#theme-toggle");
            }
            onFx(() -> {
                TableView<dev.coalmine.core.workload.WorkloadSummary> table = table(stage[0]);
                table.getItems().stream().filter(w -> w.name().equals("shop-frontend")).findFirst()
                        .ifPresent(w -> table.getSelectionModel().select(w));
                ((TitledPane) stage[0].getScene().lookup("#demo-panel")).setExpanded(true);
                ((TextField) stage[0].getScene().lookup("#demo-script-path")).setText(script.toString());
                return null;
            });
            fire(stage[0], "#demo-script-load");
            await(() -> find(stage[0], "#start-canary") != null);
            shot(out.resolve("main-window-" + theme + ".png"));

            fire(stage[0], "#start-canary");
            await(() -> find(stage[0], "#wizard-next") != null && !((ButtonBase) find(stage[0], "#wizard-next")).isDisabled());
            fire(stage[0], "#wizard-next");
            onFx(() -> {
                ((TextField) stage[0].getScene().lookup("#image-frontend")).setText("registry.example.com/shop/frontend:1.4.0");
                return null;
            });
            shot(out.resolve("wizard-version-" + theme + ".png"));
            for (int i = 0; i < 3; i++) {
                fire(stage[0], "#wizard-next");
            }
            fire(stage[0], "#judge-automatic");
            fire(stage[0], "#test-connection");
            await(() -> ((Labeled) find(stage[0], "#test-connection-result")).getText().startsWith("Connected"));
            shot(out.resolve("wizard-judge-" + theme + ".png"));

            fire(stage[0], "#judge-manual");
            fire(stage[0], "#wizard-next");
            await(() -> !((ButtonBase) find(stage[0], "#wizard-start")).isDisabled());
            shot(out.resolve("wizard-review-" + theme + ".png"));
            fire(stage[0], "#wizard-start");
            await(() -> find(stage[0], "#rollout-tabs") != null);
            fire(stage[0], "#demo-script-start");
            onFx(() -> {
                ((TabPane) stage[0].getScene().lookup("#rollout-tabs")).getSelectionModel().select(2);
                return null;
            });
            await(() -> ((TableView<?>) find(stage[0], "#pod-logs-table")).getItems().size() > 20);
            shot(out.resolve("pod-logs-" + theme + ".png"));
            Thread.sleep(10_000);
            onFx(() -> {
                ((TabPane) stage[0].getScene().lookup("#rollout-tabs")).getSelectionModel().select(1);
                return null;
            });
            shot(out.resolve("demo-scenario-" + theme + ".png"));
            Platform.exit();
        }
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<dev.coalmine.core.workload.WorkloadSummary> table(Stage stage) {
        return stage.getScene() == null ? null
                : (TableView<dev.coalmine.core.workload.WorkloadSummary>) stage.getScene().lookup("#workload-table");
    }

    private static Node find(Stage stage, String selector) {
        try {
            return onFx(() -> stage.getScene() == null ? null : stage.getScene().lookup(selector));
        } catch (Exception e) {
            return null;
        }
    }

    private static void fire(Stage stage, String selector) throws Exception {
        onFx(() -> {
            if (stage.getScene().lookup(selector) instanceof ButtonBase b) {
                b.fire();
            }
            return null;
        });
        Thread.sleep(400);
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        return future.get();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (RuntimeException ignored) {
                // not there yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the console did not get there in 2 minutes");
    }

    private static void shot(Path file) throws Exception {
        Thread.sleep(1000);
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("screenshot " + file);
    }
}
