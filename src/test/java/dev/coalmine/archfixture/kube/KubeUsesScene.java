package dev.coalmine.archfixture.kube;

/** Breaks "only ui uses javafx.scene". */
public final class KubeUsesScene {
    javafx.scene.control.Label label;
}
