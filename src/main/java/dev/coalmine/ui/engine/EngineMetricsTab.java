package dev.coalmine.ui.engine;

import dev.coalmine.ui.FxTicker;
import dev.coalmine.ui.metrics.MetricsPanel;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.time.Duration;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;

/**
 * The Metrics tab of an engine's view: the metrics panel of a Coalmine release, collected again every few seconds
 * while the tab is selected in a window, beside a tile with the engine's phase and weight.
 */
public final class EngineMetricsTab {
    private static final Duration PULSE = Duration.ofSeconds(5);

    private EngineMetricsTab() {
    }

    /** {@code engineTile}: the engine's own state (see {@link #engineTile}), shown after the canary's figures. */
    public static Tab of(EngineMetrics metrics, Tile engineTile) {
        MetricsPanel panel = new MetricsPanel(metrics.model(), engineTile);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        Tab tab = new Tab("Metrics", scroll);
        tab.setId("metrics-tab");
        FxTicker.whileSelected(tab, PULSE, metrics::refresh); // no metric queries for a tab nobody looks at
        return tab;
    }

    /** Shows the engine's phase and the canary's weight on a tile made by {@link #engineTile}. */
    public static void showEngine(Tile tile, String phase, int canaryWeight) {
        tile.setDescription(phase.isEmpty() ? "Unknown" : phase);
        tile.setText("canary weight " + canaryWeight + " %");
    }

    /** A tile that names the engine's phase (its description) and the canary's weight (its text). */
    public static Tile engineTile(String id, String title) {
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.TEXT).prefSize(200, 150).title(title)
                .textVisible(true).description("\u2013").text("").build();
        tile.setId(id);
        return tile;
    }
}
