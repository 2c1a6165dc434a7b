package dev.coalmine.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Read-only text columns for the console's tables: resizable, every cell carrying its full text as a tooltip (a
 * narrow column cuts it), and never narrower than their header's title.
 */
public final class Columns {
    /** Room for the header's padding and the sort arrow beside its title. */
    private static final double HEADER_ROOM = 30;

    private Columns() {
    }

    public static <T> TableColumn<T, String> text(String name, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setCellFactory(c -> new FullTextCell<>(Function.identity()));
        return column;
    }

    /** A column of values shown as text (sorting by the value, not by its text). */
    public static <T, V> TableColumn<T, V> of(String name, double width, Function<T, V> value, Function<V, String> text) {
        TableColumn<T, V> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new FullTextCell<>(text));
        return column;
    }

    /**
     * Keeps every column of {@code table} at least as wide as its header's title, in whatever font the theme (or the
     * presentation mode) gives it, so no header reads "La…".
     */
    public static void fitHeaders(TableView<?> table) {
        // The headers exist once the table is laid out in a scene; look for them after a layout pulse, then stop.
        Runnable[] fit = new Runnable[1];
        fit[0] = () -> {
            if (table.getScene() != null && bindMinWidths(table)) {
                table.getScene().removePostLayoutPulseListener(fit[0]);
            }
        };
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(fit[0]);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(fit[0]);
            }
        });
        if (table.getScene() != null) {
            table.getScene().addPostLayoutPulseListener(fit[0]);
        }
    }

    private static boolean bindMinWidths(TableView<?> table) {
        int bound = 0;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title) {
                TableColumn<?, ?> column = (TableColumn<?, ?>) header.getTableColumn();
                Runnable fit = () -> column.setMinWidth(Math.ceil(title.prefWidth(-1) + HEADER_ROOM));
                title.fontProperty().addListener((o, was, font) -> fit.run());
                fit.run();
                bound++;
            }
        }
        return bound > 0 && bound >= table.getVisibleLeafColumns().size();
    }

    /** A cell whose tooltip holds its whole text. */
    public static final class FullTextCell<T, V> extends TableCell<T, V> {
        private final Function<V, String> text;
        private final HoverTooltip tooltip = HoverTooltip.on(this);

        public FullTextCell(Function<V, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(V item, boolean empty) {
            super.updateItem(item, empty);
            String shown = empty || item == null ? null : text.apply(item);
            setText(shown);
            tooltip.show(shown);
        }
    }
}
