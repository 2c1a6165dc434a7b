package dev.coalmine.ui.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;

/**
 * A chart's lines as one image, drawn on a thread of its own in the styles their series' paths carry (colour, width,
 * dashes from the stylesheet): the FX thread only swaps in the finished image, and a frame copies it instead of
 * rasterising hundreds of segments per line.
 */
final class LinesImage {
    private static final Executor DRAWING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chart-lines");
        t.setDaemon(true);
        return t;
    });

    private final ImageView view = new ImageView();
    private Request requested;

    /** What one drawing depends on: the same request again draws nothing. */
    private record Request(ComparisonChart.Plot plot, int width, int height, double scale, List<String> styles) {
    }

    LinesImage() {
        view.setManaged(false);
        view.setMouseTransparent(true);
        view.getStyleClass().add("chart-lines-image");
    }

    ImageView view() {
        return view;
    }

    /** Draws {@code plot} for the axes' current size off the FX thread, unless it is drawn or being drawn already. */
    void draw(ComparisonChart.Plot plot, NumberAxis x, NumberAxis y, ObservableList<XYChart.Series<Number, Number>> series,
            Consumer<ComparisonChart.Plot> drawn) {
        double scale = view.getScene() == null || view.getScene().getWindow() == null ? 1
                : view.getScene().getWindow().getOutputScaleX();
        int width = (int) Math.ceil(x.getWidth() * scale);
        int height = (int) Math.ceil(y.getHeight() * scale);
        if (plot == null || width < 1 || height < 1 || Double.isNaN(plot.x().low()) || Double.isNaN(plot.y().low())) {
            return;
        }
        List<LineRaster.Polyline> lines = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (int k = 0; k < plot.lines().size() && k < series.size(); k++) {
            if (!(series.get(k).getNode() instanceof Path path) || !(path.getStroke() instanceof Color color)) {
                continue;
            }
            double[] dashes = path.getStrokeDashArray().stream().mapToDouble(d -> d * scale).toArray();
            lines.add(polyline(plot.lines().get(k), plot, width, height, color, path.getStrokeWidth() * scale, dashes));
            styles.add(color + " " + path.getStrokeWidth() + " " + Arrays.toString(dashes));
        }
        Request request = new Request(plot, width, height, scale, styles);
        if (request.equals(requested)) {
            return;
        }
        requested = request;
        view.setFitWidth(width / scale);
        view.setFitHeight(height / scale);
        DRAWING.execute(() -> {
            WritableImage image = new WritableImage(width, height);
            image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(),
                    LineRaster.draw(width, height, lines), 0, width);
            Platform.runLater(() -> {
                if (request == requested) {
                    view.setImage(image);
                    drawn.accept(plot);
                }
            });
        });
    }

    private static LineRaster.Polyline polyline(ComparisonChart.Line line, ComparisonChart.Plot plot, int width,
            int height, Color color, double strokeWidth, double[] dashes) {
        float[] px = new float[line.x().length];
        float[] py = new float[line.y().length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) plot.x().position(line.x()[i], width);
            py[i] = (float) (height - plot.y().position(line.y()[i], height));
        }
        int argb = (int) Math.round(color.getOpacity() * 255) << 24 | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255);
        return new LineRaster.Polyline(px, py, argb, strokeWidth, dashes.length == 0 ? null : dashes);
    }
}
