package dev.coalmine.ui.rollout;

import dev.coalmine.core.image.ImageReference;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * An image reference as a track card shows it: whole where the card is wide enough, else its last part and tag
 * ("frontend:1.4.0"), never cut; the whole reference is always in the tooltip.
 */
final class ImageName extends Label {
    private final String reference;
    private final String shortName;

    ImageName(String reference) {
        this.reference = reference;
        this.shortName = ImageReference.shortName(reference);
        getStyleClass().addAll("text-muted", "track-image");
        setTooltip(new Tooltip(reference));
        // Its width comes from the card, not from the text, so choosing a shorter text cannot change the width.
        setMinWidth(0);
        setPrefWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        setText(shortName);
        widthProperty().addListener((obs, old, width) -> fit());
        fontProperty().addListener((obs, old, font) -> fit());
    }

    String reference() {
        return reference;
    }

    private void fit() {
        Text whole = new Text(reference);
        whole.setFont(getFont());
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        setText(whole.getLayoutBounds().getWidth() <= room ? reference : shortName);
    }
}
