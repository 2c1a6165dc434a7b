package dev.coalmine.ui.journey;

import dev.coalmine.ui.HoverTooltip;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** The text a screenshot of the console would show: of every node of every open window, read on the FX thread. */
final class ScreenText {
    private ScreenText() {
    }

    /** One entry per node that shows text (labels, cells, fields with their prompts, text nodes, tooltips). */
    static List<String> now() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                List<String> texts = new ArrayList<>();
                for (Window window : List.copyOf(Window.getWindows())) {
                    if (window.isShowing() && window.getScene() != null) {
                        collect(window.getScene().getRoot(), texts);
                    }
                }
                return texts;
            }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the screen's text", e);
        }
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            add(texts, labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            add(texts, input.getText());
            add(texts, input.getPromptText());
        }
        if (node instanceof Text text) {
            add(texts, text.getText());
        }
        HoverTooltip.textOf(node).ifPresent(tooltip -> add(texts, tooltip));
        add(texts, node.getAccessibleText());
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
