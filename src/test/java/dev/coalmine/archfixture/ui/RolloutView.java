package dev.coalmine.archfixture.ui;

/** ui may use javafx.scene. */
public final class RolloutView {
    javafx.scene.control.Label label;
}
