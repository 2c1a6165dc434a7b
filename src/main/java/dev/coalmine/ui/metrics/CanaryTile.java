package dev.coalmine.ui.metrics;

import eu.hansolo.tilesfx.Tile;
import javafx.scene.paint.Color;
import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;

/**
 * Keeps a tile showing the canary's figure against its control and its limit: the number turns red beyond the
 * limit and green within it; no data hides the number (never a reassuring 0 or a lone "%"); a deleted canary or
 * control is said to be deleted rather than shown with its last figures.
 */
final class CanaryTile {
    private final Tile tile;
    private final ObservableNumberValue canary;
    private final ObservableNumberValue control;
    private final ObservableValue<MetricsViewModel.Standing> standing;
    private final ObservableBooleanValue controlGone;
    private final String controlName;
    private final String format;
    private final String limit;

    /**
     * @param standing    how the canary stands against its limit; null for a figure without one (CPU, memory)
     * @param format      the control's figure, e.g. "%.2f %%"; null when the tile shows no control
     * @param limit       the limit in words ("limit ≥ 99 %"), or ""
     */
    private CanaryTile(Tile tile, ObservableNumberValue canary, ObservableNumberValue control,
                       ObservableValue<MetricsViewModel.Standing> standing, ObservableBooleanValue controlGone,
                       String controlName, String format, String limit) {
        this.tile = tile;
        this.canary = canary;
        this.control = control;
        this.standing = standing;
        this.controlGone = controlGone;
        this.controlName = controlName;
        this.format = format;
        this.limit = limit;
    }

    static void follow(Tile tile, ObservableNumberValue canary, ObservableNumberValue control,
                       ObservableValue<MetricsViewModel.Standing> standing, ObservableBooleanValue controlGone,
                       String controlName, String format, String limit) {
        CanaryTile binding = new CanaryTile(tile, canary, control, standing, controlGone, controlName, format, limit);
        canary.addListener(o -> binding.update());
        if (control != null) {
            control.addListener(o -> binding.update());
        }
        if (standing != null) {
            standing.addListener(o -> binding.update());
        }
        controlGone.addListener(o -> binding.update());
        binding.update();
    }

    private void update() {
        MetricsViewModel.Standing now = standing == null ? null : standing.getValue();
        boolean gone = now == MetricsViewModel.Standing.GONE;
        double value = canary.doubleValue();
        boolean known = Double.isFinite(value) && !gone;
        tile.setValueVisible(known);
        // Hidden by colour, not by blanking it: once blank, the tile's skin does not show the unit again.
        tile.setUnitColor(known ? Tile.FOREGROUND : Color.TRANSPARENT);
        if (known) {
            tile.setValue(value);
        }
        tile.setValueColor(now == MetricsViewModel.Standing.BEYOND ? Tile.RED
                : now == MetricsViewModel.Standing.WITHIN ? Tile.GREEN : Tile.FOREGROUND);
        tile.setText(gone ? "the release is over" : !known ? "canary: no data yet"
                : now == MetricsViewModel.Standing.BEYOND ? "canary \u2716 " + limit
                : limit.isEmpty() ? "canary" : "canary \u2714 " + limit);
        tile.setTextColor(now == MetricsViewModel.Standing.BEYOND ? Tile.RED : Tile.FOREGROUND);
        if (control != null) {
            double other = control.doubleValue();
            tile.setDescription(gone ? "canary" + (controlGone.get() ? " and " + controlName : "") + " deleted"
                    : controlGone.get() ? controlName + " deleted"
                    : controlName + ": " + (Double.isFinite(other) ? String.format(Locale.ROOT, format, other) : "no data"));
        }
    }
}
