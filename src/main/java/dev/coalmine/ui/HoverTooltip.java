package dev.coalmine.ui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * A control's tooltip, made the first time the pointer is over the control. A {@link Tooltip} is a popup window
 * with a scene of its own: made for every cell of a table, it was a third of the time the first page of rows took
 * (the Events list, filling its first page when the first Events arrive).
 */
public final class HoverTooltip {
    private final Control owner;
    private Tooltip tooltip;
    private String text;

    private HoverTooltip(Control owner) {
        this.owner = owner;
        owner.hoverProperty().addListener((obs, was, hovered) -> {
            if (hovered) {
                attach();
            }
        });
    }

    /** Gives {@code owner} a tooltip made on its first hover; {@link #show} sets its text. */
    public static HoverTooltip on(Control owner) {
        HoverTooltip hover = new HoverTooltip(owner);
        owner.getProperties().put(HoverTooltip.class, hover);
        return hover;
    }

    /** The text {@code node}'s tooltip shows, whether or not it has been made yet. */
    public static Optional<String> textOf(Node node) {
        if (node instanceof Control control && control.getTooltip() != null) {
            return Optional.ofNullable(control.getTooltip().getText());
        }
        return node.getProperties().get(HoverTooltip.class) instanceof HoverTooltip hover
                ? Optional.ofNullable(hover.text) : Optional.empty();
    }

    /** The text to show on hover; null or empty for no tooltip. */
    public void show(String text) {
        this.text = text;
        if (tooltip != null || owner.isHover()) {
            attach();
        }
    }

    private void attach() {
        boolean none = text == null || text.isEmpty();
        if (tooltip == null && none) {
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
        }
        tooltip.setText(text);
        owner.setTooltip(none ? null : tooltip);
    }
}
