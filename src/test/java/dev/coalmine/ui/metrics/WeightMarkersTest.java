package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts mark each change of the canary's weight with a labelled vertical rule at its time. */
@ExtendWith(ApplicationExtension.class)
class WeightMarkersTest {
    private static final double T0 = 1_800_000_000;

    private ComparisonChart chart;

    @Start
    void start(Stage stage) {
        chart = new ComparisonChart("p99 latency", "ms", ComparisonChart.POINTS_PER_LINE);
        double[] x = new double[61];
        double[] y = new double[61];
        for (int i = 0; i < x.length; i++) {
            x[i] = T0 + 10 * i;
            y[i] = 50 + i % 7;
        }
        chart.show(List.of(new ComparisonChart.Line("canary", x, y), new ComparisonChart.Line("baseline", x, y)));
        stage.setScene(new Scene(chart, 900, 320));
        stage.show();
    }

    @Test
    void eachWeightChangeIsARuleAtItsTimeAndChangesOutsideThePlotAreNotDrawn(FxRobot robot) {
        robot.interact(() -> chart.markers(List.of(new ComparisonChart.Marker(T0 + 100, "5 %"),
                new ComparisonChart.Marker(T0 + 400, "25 %"), new ComparisonChart.Marker(T0 + 90_000, "50 %"))));
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> labels = robot.lookup(".weight-marker-label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).sorted(Comparator.comparingDouble(Node::getLayoutX)).toList();
        assertThat(labels).extracting(Label::getText).containsExactly("5 %", "25 %");
        List<Line> rules = robot.lookup(".weight-marker").queryAllAs(Line.class).stream().filter(Node::isVisible)
                .sorted(Comparator.comparingDouble(Line::getStartX)).toList();
        assertThat(rules).hasSize(2);
        double width = chart.getXAxis().getWidth();
        assertThat(rules.get(0).getStartX()).as("100 s of 600 s").isBetween(width * 0.12, width * 0.22);
        assertThat(rules.get(1).getStartX()).as("400 s of 600 s").isBetween(width * 0.6, width * 0.72);
        assertThat(rules.get(0).getEndY()).isPositive();

        robot.interact(() -> chart.markers(List.of()));
        assertThat(robot.lookup(".weight-marker").queryAll()).isEmpty();
    }
}
