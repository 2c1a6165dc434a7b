package dev.coalmine.ui.feed;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Selected rows of a feed, or all shown, to the clipboard as text: Ctrl+C and a context menu. */
final class CopyRows {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private CopyRows() {
    }

    static <T> void install(Control control, javafx.scene.control.MultipleSelectionModel<T> selection,
            Supplier<List<T>> shown, Function<T, String> line) {
        selection.setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copy = new MenuItem("Copy selected");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copy(selected(selection, shown.get()), line));
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(selection.getSelectedItems()));
        MenuItem copyAll = new MenuItem("Copy all shown");
        copyAll.setOnAction(e -> copy(shown.get(), line));
        control.setContextMenu(new ContextMenu(copy, copyAll));
        control.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy(selected(selection, shown.get()), line);
                e.consume();
            }
        });
    }

    /** The selected rows in the order they are shown (the selection model keeps them in the order clicked). */
    static <T> List<T> selected(javafx.scene.control.MultipleSelectionModel<T> selection, List<T> shown) {
        return selection.getSelectedIndices().stream().sorted().filter(i -> i >= 0 && i < shown.size())
                .map(shown::get).toList();
    }

    /** The rows as text, one a line, in the order shown. */
    static <T> String text(List<T> rows, Function<T, String> line) {
        StringBuilder out = new StringBuilder();
        for (T row : rows) {
            if (row != null) {
                out.append(line.apply(row)).append('\n');
            }
        }
        return out.toString();
    }

    private static <T> void copy(List<T> rows, Function<T, String> line) {
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text(List.copyOf(rows), line));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
