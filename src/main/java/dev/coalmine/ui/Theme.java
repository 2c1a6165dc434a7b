package dev.coalmine.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * AtlantaFX's Primer theme, light or dark, plus Coalmine's own rules (coalmine.css) and the few colours that need a
 * different shade per theme to keep WCAG contrast (coalmine-light.css, coalmine-dark.css).
 */
public final class Theme {
    private boolean dark;

    public Theme(boolean dark) {
        this.dark = dark;
    }

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String own = Theme.class.getResource("coalmine.css").toExternalForm();
        String shade = Theme.class.getResource(dark ? "coalmine-dark.css" : "coalmine-light.css").toExternalForm();
        String otherShade = Theme.class.getResource(dark ? "coalmine-light.css" : "coalmine-dark.css").toExternalForm();
        scene.getStylesheets().remove(otherShade);
        if (!scene.getStylesheets().contains(own)) {
            scene.getStylesheets().add(own);
        }
        if (!scene.getStylesheets().contains(shade)) {
            scene.getStylesheets().add(shade);
        }
    }

    public void toggle(Scene scene) {
        dark = !dark;
        apply(scene);
    }
}
