package dev.coalmine.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Finds text the operator cannot read whole on screen: a labelled control (label, button, tab, column header, titled
 * pane, a combo box's shown value) whose displayed text differs from its text (JavaFX cut it, usually with an
 * ellipsis) or that reaches past the window's edge; and a table or list cell that is cut but has no tooltip
 * holding its whole text (a tooltip may say more: "2 min ago, Sun 6 Dec 2026, 09:12:00"). Call on the FX thread
 * after a layout pass.
 */
public final class ClippedText {
    private ClippedText() {
    }

    /** One problem per line, naming the control and what it shows; empty when everything is readable. */
    public static List<String> in(Scene scene) {
        List<String> problems = new ArrayList<>();
        visit(scene.getRoot(), scene, false, problems);
        return problems;
    }

    /** Whether JavaFX shows less of {@code labeled}'s text than it has (usually with an ellipsis). */
    public static boolean isCut(Labeled labeled) {
        Text shown = shownText(labeled);
        return shown != null && !expected(labeled).isEmpty() && !expected(labeled).equals(shown.getText());
    }

    private static void visit(Node node, Scene scene, boolean scrolls, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, scene, scrolls, problems);
        }
        if (node instanceof Parent parent) {
            boolean inside = scrolls || node instanceof ScrollPane || node.getStyleClass().contains("virtual-flow");
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, scene, inside, problems);
            }
        }
    }

    private static void check(Labeled labeled, Scene scene, boolean scrolls, List<String> problems) {
        String expected = expected(labeled);
        if (expected.isEmpty() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return;
        }
        Text shown = shownText(labeled);
        if (shown == null) {
            return;
        }
        boolean cut = !expected.equals(shown.getText());
        if (labeled instanceof Cell<?> cell && !(cell.getParent() instanceof ComboBoxBase<?>)) {
            if (cut && !cell.isEmpty() && !hasWholeTextTooltip(labeled)) {
                problems.add(describe(labeled) + " is cut to \"" + shown.getText() + "\" and has no tooltip");
            }
            return;
        }
        if (cut) {
            problems.add(describe(labeled) + " is cut to \"" + shown.getText() + "\"");
            return;
        }
        Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
        if (!scrolls && (bounds.getMaxX() > scene.getWidth() + 1 || bounds.getMaxY() > scene.getHeight() + 1)) {
            problems.add(describe(labeled) + " reaches past the window (" + Math.round(bounds.getMaxX()) + ", "
                    + Math.round(bounds.getMaxY()) + ")");
        }
    }

    /** The text JavaFX should display: a mnemonic's underscore is not shown. */
    private static String expected(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        if (labeled.isMnemonicParsing()) {
            int mnemonic = text.indexOf('_');
            if (mnemonic >= 0 && mnemonic < text.length() - 1) {
                text = text.substring(0, mnemonic) + text.substring(mnemonic + 1);
            }
        }
        return text;
    }

    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    private static boolean hasWholeTextTooltip(Labeled labeled) {
        return HoverTooltip.textOf(labeled).filter(text -> text.contains(labeled.getText())).isPresent();
    }

    private static String describe(Labeled labeled) {
        String id = labeled.getId() != null ? "#" + labeled.getId() : labeled.getClass().getSimpleName();
        Node parent = labeled.getParent();
        while (id.startsWith("Label") && parent != null && parent.getId() == null) {
            parent = parent.getParent();
        }
        return id + (parent != null && parent.getId() != null && !id.startsWith("#") ? " in #" + parent.getId() : "")
                + " \"" + labeled.getText() + "\"";
    }
}
