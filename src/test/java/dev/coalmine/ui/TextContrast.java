package dev.coalmine.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * WCAG 2.1 contrast of the text JavaFX actually draws: each visible, enabled {@link Text} node's computed fill against
 * the computed background of the nearest regions behind it (translucent fills blended over what lies below). Body
 * text needs 4.5:1, large text (24 px, or 18.66 px bold) 3:1. Call on the FX thread after a layout pass.
 */
public final class TextContrast {
    private TextContrast() {
    }

    /** One line per text below its minimum: where, what, its colours and ratio. */
    public static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        visit(scene.getRoot(), problems);
        return problems;
    }

    private static void visit(Node node, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0 || node.isDisabled()) {
            return; // WCAG exempts the text of inactive controls
        }
        if (node instanceof Text text && text.getText() != null && !text.getText().isBlank()
                && text.getFill() instanceof Color fill) {
            Color background = backgroundBehind(text);
            Color drawn = blend(fill, background);
            double ratio = ratio(drawn, background);
            double minimum = large(text) ? 3.0 : 4.5;
            if (ratio < minimum) {
                problems.add(String.format(Locale.ROOT, "%s \"%s\": %s on %s is %.2f:1, below %.1f:1", where(text),
                        excerpt(text.getText()), hex(drawn), hex(background), ratio, minimum));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, problems);
            }
        }
    }

    /** The colour behind the text: the regions' fills from the nearest down to the first opaque one, blended. */
    static Color backgroundBehind(Node node) {
        List<Color> layers = new ArrayList<>();
        Node top = node;
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            top = n;
            if (n instanceof Region region) {
                Color fill = coveringFill(region, node);
                if (fill != null) {
                    layers.add(fill);
                    if (fill.getOpacity() >= 0.999) {
                        break;
                    }
                }
            }
        }
        // Text scrolled out of its viewport lies outside every region's fill: it sits on the window's background.
        Color result = layers.isEmpty() || layers.get(layers.size() - 1).getOpacity() < 0.999 ? windowBackground(top)
                : Color.WHITE;
        for (int i = layers.size() - 1; i >= 0; i--) {
            result = blend(layers.get(i), result);
        }
        return result;
    }

    private static Color windowBackground(Node root) {
        if (root instanceof Region region && region.getBackground() != null) {
            for (BackgroundFill fill : region.getBackground().getFills()) {
                if (fill.getFill() instanceof Color color && color.getOpacity() >= 0.999) {
                    return color;
                }
            }
        }
        return Color.WHITE;
    }

    /** The top-most solid fill of {@code region} whose insets leave the text inside it. */
    private static Color coveringFill(Region region, Node text) {
        Background background = region.getBackground();
        if (background == null) {
            return null;
        }
        Bounds textBounds = region.sceneToLocal(text.localToScene(text.getBoundsInLocal()));
        List<BackgroundFill> fills = background.getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            BackgroundFill fill = fills.get(i);
            if (fill.getFill() instanceof Color color && color.getOpacity() > 0
                    && covers(region, fill, textBounds)) {
                return color;
            }
        }
        return null;
    }

    private static boolean covers(Region region, BackgroundFill fill, Bounds text) {
        double cx = (text.getMinX() + text.getMaxX()) / 2;
        double cy = (text.getMinY() + text.getMaxY()) / 2;
        return cx >= fill.getInsets().getLeft() && cx <= region.getWidth() - fill.getInsets().getRight()
                && cy >= fill.getInsets().getTop() && cy <= region.getHeight() - fill.getInsets().getBottom();
    }

    static Color blend(Color top, Color below) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + below.getRed() * (1 - a), top.getGreen() * a + below.getGreen() * (1 - a),
                top.getBlue() * a + below.getBlue() * (1 - a));
    }

    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static boolean large(Text text) {
        double size = text.getFont().getSize();
        String style = text.getFont().getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold") || text.getFont().getName().toLowerCase(Locale.ROOT).contains("bold")
                || FontWeight.findByName(style) == FontWeight.BOLD;
        return size >= 24 || (bold && size >= 18.66);
    }

    private static String where(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return "#" + n.getId() + (n == node ? "" : " > " + node.getParent().getClass().getSimpleName());
            }
        }
        return node.getClass().getSimpleName();
    }

    private static String excerpt(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() > 40 ? line.substring(0, 40) + "\u2026" : line;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
