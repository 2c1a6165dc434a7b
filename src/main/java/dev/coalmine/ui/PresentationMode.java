package dev.coalmine.ui;

import javafx.scene.Parent;

/**
 * The projector's view: larger text everywhere, bolder chart lines and a prominent phase strip, from the
 * {@code presentation} style class on the window's root (the rules are in coalmine.css).
 */
public final class PresentationMode {
    public static final String STYLE_CLASS = "presentation";

    private PresentationMode() {
    }

    public static void set(Parent root, boolean on) {
        if (on && !root.getStyleClass().contains(STYLE_CLASS)) {
            root.getStyleClass().add(STYLE_CLASS);
        } else if (!on) {
            root.getStyleClass().remove(STYLE_CLASS);
        }
    }
}
