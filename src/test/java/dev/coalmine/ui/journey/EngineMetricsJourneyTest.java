package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.engines.EngineSeed;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.metrics.ComparisonChart;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seeded Argo Rollout's and Flagger Canary's views chart their stable and canary tracks from the demo's metrics,
 * as a Coalmine release's Metrics tab does: during a canary step of a {@code faulty} image both lines have points,
 * and the canary's success rate is below the stable's (the demo's faulty images answer about a tenth with a 5xx).
 */
class EngineMetricsJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(150);

    @Test
    void theRolloutAndTheCanaryChartStableAgainstCanary(FxRobot robot) {
        Journeys.showNamespace(robot, EngineSeed.NAMESPACE, LONG);

        // The views open before the canaries start: the demo's metrics are sampled from then on.
        Journeys.select(robot, "checkout  [Rollout]", "#argo-headline");
        showMetrics(robot, "#argo-tabs");
        setImage("checkout", "registry.example.com/shop/checkout:3.2.0-faulty");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#argo-headline").queryAs(Label.class).getText())
                .contains("Paused \u00b7 step 2/6 \u00b7 25 %"));
        awaitStableAboveCanary(robot);

        Journeys.select(robot, "search  [Canary]", "#flagger-headline");
        showMetrics(robot, "#flagger-tabs");
        setImage("search", "registry.example.com/shop/search:5.1.0-faulty");
        awaitStableAboveCanary(robot);
    }

    private static void showMetrics(FxRobot robot, String tabs) {
        robot.interact(() -> {
            TabPane pane = robot.lookup(tabs).queryAs(TabPane.class);
            pane.getSelectionModel().select(pane.getTabs().stream().filter(t -> t.getText().equals("Metrics"))
                    .findFirst().orElseThrow());
        });
    }

    /** Both lines of the success-rate chart have points, the canary's latest below the stable's. */
    private static void awaitStableAboveCanary(FxRobot robot) {
        Eventually.assertThat(LONG, () -> {
            Map<String, List<Double>> lines = lines(robot, "#chart-success-rate");
            assertThat(lines).as("the lines of the success-rate chart").containsKeys("stable", "canary");
            assertThat(lines.get("stable")).as("stable points").isNotEmpty();
            assertThat(lines.get("canary")).as("canary points").isNotEmpty();
            double stable = last(lines.get("stable"));
            double canary = last(lines.get("canary"));
            assertThat(stable).as("the stable's success rate").isBetween(98.0, 100.0);
            assertThat(canary).as("the faulty canary's success rate").isBetween(60.0, 97.0);
        });
    }

    /** The values of each line the chart has drawn, read on the FX thread; a chart not drawn yet has none. */
    private static Map<String, List<Double>> lines(FxRobot robot, String chart) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, List<Double>> lines = new LinkedHashMap<>();
            robot.lookup(chart).tryQueryAs(ComparisonChart.class).map(c -> c.drawnProperty().get())
                    .ifPresent(plot -> plot.lines().forEach(line -> lines.put(line.name(),
                            Arrays.stream(line.y()).boxed().toList())));
            return lines;
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    /** As kubectl set image; a 409 (the simulated controllers wrote the Deployment meanwhile) is tried again. */
    private void setImage(String deployment, String image) {
        Eventually.assertThat(() -> console.client().apps().deployments().inNamespace(EngineSeed.NAMESPACE)
                .withName(deployment).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
                    return d;
                }));
    }
}
