package dev.coalmine.ui.time;

import dev.coalmine.core.time.RelativeTime;
import dev.coalmine.ui.FxTicker;
import dev.coalmine.ui.HoverTooltip;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Times in lists: relative ("2 min ago"), with the local date and time in a tooltip, kept current while the
 * table is shown.
 */
public final class TimeColumns {
    /** The local date and time, to the second, as a tooltip or a detail line shows it. */
    public static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss").withZone(ZoneId.systemDefault());
    /** The local time of day, to the second, for lines within one release. */
    public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Duration REFRESH = Duration.ofSeconds(10);
    private static final String AGO_CELL = "relative-time-cell";

    private TimeColumns() {
    }

    /** A column showing how long ago {@code time} was (empty for null), with the local time in a tooltip. */
    public static <T> TableColumn<T, Instant> ago(String name, double width, Function<T, Instant> time) {
        TableColumn<T, Instant> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(time.apply(c.getValue())));
        column.setCellFactory(c -> new AgoCell<>());
        return column;
    }

    /** "2 min ago", or "" for null. */
    public static String ago(Instant time) {
        return time == null ? "" : RelativeTime.ago(time, Instant.now());
    }

    /** Re-renders {@code table}'s relative times every few seconds while it is in a window. */
    public static void keepCurrent(TableView<?> table) {
        // Only the relative times are re-rendered: table.refresh() recreated every cell of the table (a long stall
        // in a table that a flood of Events keeps busy).
        FxTicker.whileInScene(table, REFRESH, () -> table.lookupAll("." + AGO_CELL).forEach(cell -> {
            if (cell instanceof AgoCell<?> ago) {
                ago.show(ago.getItem(), ago.isEmpty());
            }
        }));
    }

    private static final class AgoCell<T> extends TableCell<T, Instant> {
        private final HoverTooltip local = HoverTooltip.on(this);

        AgoCell() {
            getStyleClass().add(AGO_CELL);
        }

        @Override
        protected void updateItem(Instant time, boolean empty) {
            super.updateItem(time, empty);
            show(time, empty);
        }

        void show(Instant time, boolean empty) {
            if (empty || time == null) {
                setText(null);
                local.show(null);
                return;
            }
            String ago = RelativeTime.ago(time, Instant.now());
            setText(ago);
            local.show(ago + ", " + LOCAL.format(time)); // the whole text too, should the column cut it
        }
    }
}
