package dev.coalmine.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX's Primer theme, light or dark, plus Coalmine's own few rules. */
public final class Theme {
    private boolean dark;

    public Theme(boolean dark) {
        this.dark = dark;
    }

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String own = Theme.class.getResource("coalmine.css").toExternalForm();
        if (!scene.getStylesheets().contains(own)) {
            scene.getStylesheets().add(own);
        }
    }

    public void toggle(Scene scene) {
        dark = !dark;
        apply(scene);
    }
}
