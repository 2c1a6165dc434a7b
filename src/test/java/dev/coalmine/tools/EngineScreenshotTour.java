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
 * seeded Flagger Canary in namespace shop-engines, each with a faulty canary, taking a screenshot of each and of its
 * Metrics tab at 1280×800. Run under Xvfb:
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
            // Each view opens before its canary starts: its charts sample the demo's metrics from then on.
            tour.select("Rollout/checkout");
            tour.await(() -> tour.find("#argo-headline") != null);
            setImage(kube, "checkout", "registry.example.com/shop/checkout:3.2.0-faulty");
            // On a busy machine the simulated controller may take a while to reach the first pause; show what there is.
            tour.awaitAtMost(60, () -> tour.text("#argo-headline").contains("Paused"));
            tour.shot(out.resolve("argo-rollout.png"));
            tour.showTab("#argo-tabs", "Metrics");
            tour.awaitAtMost(90, tour::chartsHaveBothLines);
            tour.scrollTo("#chart-success-rate");
            tour.shot(out.resolve("argo-rollout-metrics.png"));
            tour.select("Canary/search");
            tour.await(() -> tour.find("#flagger-headline") != null);
            setImage(kube, "search", "registry.example.com/shop/search:5.1.0-faulty");
            tour.awaitAtMost(60, () -> tour.text("#flagger-headline").contains("Progressing"));
            tour.shot(out.resolve("flagger-canary.png"));
            tour.showTab("#flagger-tabs", "Metrics");
            tour.awaitAtMost(90, tour::chartsHaveBothLines);
            tour.scrollTo("#chart-success-rate");
            tour.shot(out.resolve("flagger-canary-metrics.png"));
            Platform.exit();
        }
        System.exit(0);
    }

    /** As kubectl set image; a conflict with the simulated controllers' writes is tried again. */
    private static void setImage(io.fabric8.kubernetes.client.KubernetesClient kube, String deployment, String image)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                kube.apps().deployments().inNamespace("shop-engines").withName(deployment).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
                    return d;
                });
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (attempt > 10) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
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

        String text(String selector) throws Exception {
            return find(selector) instanceof javafx.scene.control.Labeled l ? onFx(l::getText) : "";
        }

        void showTab(String tabPane, String title) throws Exception {
            onFx(() -> {
                javafx.scene.control.TabPane pane = (javafx.scene.control.TabPane) stage.getScene().lookup(tabPane);
                pane.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                        .ifPresent(t -> pane.getSelectionModel().select(t));
                return null;
            });
        }

        /** Scrolls the scroll pane around {@code selector} so that the node's top is at the top of the view. */
        void scrollTo(String selector) throws Exception {
            onFx(() -> {
                Node node = stage.getScene().lookup(selector);
                Node pane = node;
                while (pane != null && !(pane instanceof javafx.scene.control.ScrollPane)) {
                    pane = pane.getParent();
                }
                if (pane instanceof javafx.scene.control.ScrollPane scroll) {
                    double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    double room = scroll.getContent().getBoundsInLocal().getHeight()
                            - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
                }
                return null;
            });
        }

        /** Whether the success-rate chart shows a stable and a canary line with points. */
        boolean chartsHaveBothLines() throws Exception {
            return onFx(() -> stage.getScene().lookup("#chart-success-rate") instanceof javafx.scene.chart.LineChart<?, ?> c
                    && c.getData().size() == 2 && c.getData().stream().allMatch(line -> line.getData().size() > 3));
        }

        /** Waits for {@code condition} at most {@code seconds}, then goes on whatever it shows. */
        void awaitAtMost(int seconds, Callable<Boolean> condition) throws Exception {
            long until = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < until && !Boolean.TRUE.equals(condition.call())) {
                Thread.sleep(500);
            }
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
            Thread.sleep(1500);
            Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("import failed for " + file);
            }
            System.out.println("screenshot " + file);
        }
    }
}
