package dev.coalmine.tools;

import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Drives the real console on the demo cluster to the seeded Argo Rollout (paused at its first pause step) and the
 * seeded Flagger Canary in namespace shop-engines, taking a screenshot of each at 1280×800. Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java … EngineScreenshotTour OUTDIR}.
 */
public final class EngineScreenshotTour {
    private EngineScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/site/screenshots");
        Files.createDirectories(out);
        try (ConsoleDemo demo = new ConsoleDemo(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())))) {
            Stage[] stage = {TourConsole.show(demo, 1280, 800)};
            Tour tour = new Tour(stage[0]);
            tour.await(() -> tour.find("#namespace-choice") != null && !tour.listed().isEmpty());
            tour.onFx(() -> {
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<String> ns = (javafx.scene.control.ComboBox<String>) stage[0].getScene()
                        .lookup("#namespace-choice");
                ns.setValue("shop-engines");
                return null;
            });
            tour.await(() -> tour.listed().stream().anyMatch(w -> w.key().equals("Rollout/checkout")));
            var kube = demo.running().orElseThrow().client();
            kube.apps().deployments().inNamespace("shop-engines").withName("checkout").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example.com/shop/checkout:3.2.0");
                return d;
            });
            tour.select("Rollout/checkout");
            tour.await(() -> tour.find("#argo-headline") != null);
            // On a busy machine the simulated controller may take a while to reach the first pause; show what there is.
            long until = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < until && !tour.onFx(() -> ((javafx.scene.control.Label)
                    stage[0].getScene().lookup("#argo-headline")).getText().contains("Paused"))) {
                Thread.sleep(500);
            }
            tour.shot(out.resolve("argo-rollout.png"));
            tour.select("Canary/search");
            tour.await(() -> tour.find("#flagger-headline") != null);
            Thread.sleep(3_000);
            tour.shot(out.resolve("flagger-canary.png"));
            Platform.exit();
        }
        System.exit(0);
    }

    /** The steps of a tour on one stage. */
    private record Tour(Stage stage) {
        /** A copy of the listed workloads, read on the FX thread. */
        @SuppressWarnings("unchecked")
        java.util.List<dev.coalmine.core.workload.WorkloadSummary> listed() throws Exception {
            return onFx(() -> {
                Node table = stage.getScene() == null ? null : stage.getScene().lookup("#workload-table");
                return table == null ? java.util.List.<dev.coalmine.core.workload.WorkloadSummary>of()
                        : java.util.List.copyOf(((TableView<dev.coalmine.core.workload.WorkloadSummary>) table).getItems());
            });
        }

        @SuppressWarnings("unchecked")
        void select(String key) throws Exception {
            onFx(() -> {
                TableView<dev.coalmine.core.workload.WorkloadSummary> table =
                        (TableView<dev.coalmine.core.workload.WorkloadSummary>) stage.getScene().lookup("#workload-table");
                table.getItems().stream().filter(w -> w.key().equals(key)).findFirst()
                        .ifPresent(w -> table.getSelectionModel().select(w));
                return null;
            });
        }

        Node find(String selector) {
            try {
                return onFx(() -> stage.getScene() == null ? null : stage.getScene().lookup(selector));
            } catch (Exception e) {
                return null;
            }
        }

        <T> T onFx(Callable<T> task) throws Exception {
            FutureTask<T> future = new FutureTask<>(task);
            Platform.runLater(future);
            return future.get();
        }

        void await(Callable<Boolean> condition) throws Exception {
            long deadline = System.currentTimeMillis() + 240_000;
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (Boolean.TRUE.equals(condition.call())) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not there yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the console did not get there in 4 minutes");
        }

        void shot(Path file) throws Exception {
            Thread.sleep(800);
            Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("import failed for " + file);
            }
            System.out.println("screenshot " + file);
        }
    }
}
