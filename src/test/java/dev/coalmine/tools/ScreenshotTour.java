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
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Drives the real console on the demo cluster through the wizard and into a release, taking a screenshot
 * of the X display at each stop. Run under Xvfb: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -Dtour.width=1280
 * -Dtour.height=800 [-Dtour.finish=true | -Dtour.dark=true] … ScreenshotTour OUTDIR [auto]}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/site/screenshots");
        boolean automatic = args.length > 1 && args[1].equals("auto");
        // A third argument picks a router on the Traffic step (e.g. gateway-api) and shoots that step.
        String traffic = args.length > 2 ? args[2] : null;
        Files.createDirectories(out);
        try (ConsoleDemo demo = new ConsoleDemo(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())))) {
            Stage[] stage = {TourConsole.show(demo, Integer.getInteger("tour.width", 1366),
                    Integer.getInteger("tour.height", 768))};
            await(() -> onFx(() -> stage[0].getScene() != null && table(stage[0]) != null
                    && table(stage[0]).getItems().size() >= 2
                    && table(stage[0]).getItems().stream().allMatch(w -> w.isSteady())));
            // -Dtour.dark=true: the same stops in the dark theme, each file named with "-dark".
            String suffix = Boolean.getBoolean("tour.dark") ? "-dark" : "";
            if (!suffix.isEmpty()) {
                fire(stage[0], "#theme-toggle");
            }
            shot(out.resolve("main-window" + suffix + ".png"));
            onFx(() -> {
                TableView<dev.coalmine.core.workload.WorkloadSummary> table = table(stage[0]);
                table.getItems().stream().filter(w -> w.name().equals("shop-frontend")).findFirst()
                        .ifPresent(w -> table.getSelectionModel().select(w));
                return null;
            });
            System.out.println("tour: selected " + onFx(() -> table(stage[0]).getSelectionModel().getSelectedItem()));
            await(() -> find(stage[0], "#start-canary") != null);
            fire(stage[0], "#start-canary");
            await(() -> find(stage[0], "#wizard-next") != null && !((Button) find(stage[0], "#wizard-next")).isDisabled());
            fire(stage[0], "#wizard-next");
            onFx(() -> {
                ((TextField) stage[0].getScene().lookup("#image-frontend")).setText(
                        System.getProperty("tour.image", "registry.example.com/shop/frontend:1.4.0"));
                return null;
            });
            fire(stage[0], "#wizard-next");
            fire(stage[0], "#wizard-next");
            if (traffic != null) {
                await(() -> find(stage[0], "#traffic-" + traffic) != null);
                fire(stage[0], "#traffic-" + traffic);
                Thread.sleep(500);
                shot(out.resolve("wizard-traffic.png"));
            }
            fire(stage[0], "#wizard-next");
            if (automatic) {
                fire(stage[0], "#judge-automatic");
                onFx(() -> {
                    ((TextField) stage[0].getScene().lookup("#interval")).setText("10s");
                    return null;
                });
                shot(out.resolve("wizard-judge" + suffix + ".png"));
            }
            fire(stage[0], "#wizard-next");
            await(() -> !((Button) find(stage[0], "#wizard-start")).isDisabled());
            shot(out.resolve("wizard-review" + suffix + ".png"));
            fire(stage[0], "#wizard-start");
            await(() -> find(stage[0], "#toggle-workloads") != null);
            fire(stage[0], "#toggle-workloads"); // the release gets the whole width, as an operator watching one would
            await(() -> find(stage[0], "#rollout-headline") != null
                    && ((javafx.scene.control.Label) find(stage[0], "#rollout-headline")).getText()
                    .contains("Verify"));
            Thread.sleep(automatic ? 9_000 : 4_000);
            onFx(() -> {
                ((javafx.scene.control.TabPane) stage[0].getScene().lookup("#rollout-tabs")).getSelectionModel().select(3);
                return null;
            });
            Thread.sleep(6_000);
            shot(out.resolve((automatic ? "rollout-analysis" : "rollout-awaiting-judgment") + suffix + ".png"));
            onFx(() -> {
                ((javafx.scene.control.TabPane) stage[0].getScene().lookup("#rollout-tabs")).getSelectionModel().select(0);
                return null;
            });
            Thread.sleep(1_000);
            shot(out.resolve("rollout-step-log" + suffix + ".png"));
            if (Boolean.getBoolean("tour.finish") && suffix.isEmpty()) {
                finish(stage[0], out);
            }
            Platform.exit();
        }
        System.exit(0);
    }

    /**
     * The metrics tab (tiles, then the charts) in the light and the dark theme while the release runs, then again
     * with the step log once it has ended.
     */
    private static void finish(Stage stage, Path out) throws Exception {
        for (String theme : new String[] {"light", "dark"}) {
            metrics(stage, out, "rollout-metrics-" + theme + ".png", "rollout-charts-" + theme + ".png");
            fire(stage, "#theme-toggle");
        }
        await(() -> ((javafx.scene.control.Label) find(stage, "#rollout-headline")).getText()
                .matches(".*: (Succeeded|Rejected|Failed) .*"));
        Thread.sleep(6_000);
        for (String theme : new String[] {"light", "dark"}) {
            metrics(stage, out, "rollout-ended-metrics-" + theme + ".png", "rollout-ended-charts-" + theme + ".png");
            selectTab(stage, 0);
            shot(out.resolve("rollout-ended-step-log-" + theme + ".png"));
            fire(stage, "#theme-toggle");
        }
    }

    private static void metrics(Stage stage, Path out, String tiles, String charts) throws Exception {
        selectTab(stage, 3);
        scrollMetrics(stage, 0);
        shot(out.resolve(tiles));
        scrollMetrics(stage, 1);
        shot(out.resolve(charts));
    }

    private static void scrollMetrics(Stage stage, double where) throws Exception {
        onFx(() -> {
            Node tab = ((javafx.scene.control.TabPane) stage.getScene().lookup("#rollout-tabs")).getTabs().get(3)
                    .getContent();
            if (tab instanceof javafx.scene.control.ScrollPane scroll) {
                scroll.setVvalue(where);
            }
            return null;
        });
    }

    private static void selectTab(Stage stage, int index) throws Exception {
        onFx(() -> {
            ((javafx.scene.control.TabPane) stage.getScene().lookup("#rollout-tabs")).getSelectionModel().select(index);
            return null;
        });
        Thread.sleep(1_000);
    }

    /** On the FX thread only. */
    @SuppressWarnings("unchecked")
    private static TableView<dev.coalmine.core.workload.WorkloadSummary> table(Stage stage) {
        return (TableView<dev.coalmine.core.workload.WorkloadSummary>) stage.getScene().lookup("#workload-table");
    }

    private static Node find(Stage stage, String selector) {
        try {
            return onFx(() -> stage.getScene() == null ? null : stage.getScene().lookup(selector));
        } catch (Exception e) {
            return null;
        }
    }

    private static void fire(Stage stage, String selector) throws Exception {
        System.out.println("tour: fire " + selector);
        onFx(() -> {
            Node node = stage.getScene().lookup(selector);
            if (node instanceof javafx.scene.control.ButtonBase b) {
                b.fire();
            }
            return null;
        });
        Thread.sleep(300);
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
        Thread.sleep(800);
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("screenshot " + file);
    }
}
