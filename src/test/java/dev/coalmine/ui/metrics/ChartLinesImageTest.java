package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The chart's lines are drawn off the FX thread into one image over the plot, where the axes put the points. */
@ExtendWith(ApplicationExtension.class)
class ChartLinesImageTest {
    private static final double T0 = 1_800_000_000;

    private ComparisonChart chart;

    @Start
    void start(Stage stage) {
        chart = new ComparisonChart("p99 latency", "ms", ComparisonChart.POINTS_PER_LINE);
        Scene scene = new Scene(chart, 900, 320);
        String css = ".chart-series-line { -fx-stroke: #E07B00; -fx-stroke-width: 3; }";
        scene.getStylesheets().add("data:text/css;base64,"
                + java.util.Base64.getEncoder().encodeToString(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFlatLineIsDrawnAtItsValueAcrossThePlotInItsSeriesColour(FxRobot robot) {
        double[] x = new double[5_000];
        double[] y = new double[5_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = T0 + 5 * i;
            y[i] = 40;
        }
        ComparisonChart.Plot plot = chart.prepare(List.of(new ComparisonChart.Line("canary", x, y)), Double.NaN);
        assertThat(plot.lines().get(0).x()).as("downsampled off the FX thread").hasSizeLessThanOrEqualTo(
                ComparisonChart.POINTS_PER_LINE);
        robot.interact(() -> chart.show(plot));
        Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(chart.drawnProperty().get()).isSameAs(plot));

        robot.interact(() -> {
            ImageView lines = (ImageView) chart.lookup(".chart-lines-image");
            NumberAxis xAxis = (NumberAxis) chart.getXAxis();
            NumberAxis yAxis = (NumberAxis) chart.getYAxis();
            assertThat(lines.getFitWidth()).isEqualTo(Math.ceil(xAxis.getWidth()));
            assertThat(lines.getFitHeight()).isEqualTo(Math.ceil(yAxis.getHeight()));
            int row = (int) yAxis.getDisplayPosition(40);
            int middle = (int) xAxis.getDisplayPosition(T0 + 5 * 2_500);
            assertThat(lines.getImage().getPixelReader().getColor(middle, row)).isEqualTo(Color.web("#E07B00"));
            assertThat(lines.getImage().getPixelReader().getColor(middle, row / 2).getOpacity()).as("above the line")
                    .isZero();
        });
    }
}
