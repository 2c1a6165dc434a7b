package dev.coalmine.archfixture.core;

/** Breaks "core is pure" with a JavaFX property. */
public final class CoreUsesJavaFx {
    javafx.beans.property.StringProperty phase;
}
