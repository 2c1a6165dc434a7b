package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;

/**
 * A new image for one container; {@code container} is null when the Deployment has one container
 * and the operator wrote just {@code IMAGE}.
 */
public record ImageChange(String container, String image) {
    public ImageChange {
        if (image == null || image.isBlank()) {
            throw new CoalmineException("an --image needs an image reference, e.g. --image web=shop/web:1.2");
        }
        if (container != null && container.isBlank()) {
            container = null;
        }
    }

    /** Parses {@code [CONTAINER=]IMAGE}. */
    public static ImageChange parse(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? new ImageChange(null, text.trim())
                : new ImageChange(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    @Override
    public String toString() {
        return container == null ? image : container + "=" + image;
    }
}
