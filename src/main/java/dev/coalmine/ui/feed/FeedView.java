package dev.coalmine.ui.feed;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/** A live feed's pane, which keeps no rows while it is not on screen. */
public interface FeedView {
    /** True while the pane is on screen (the default); while false its list holds no rows and is not laid out. */
    BooleanProperty shownProperty();

    /**
     * A tab holding {@code pane}, shown only while the tab is selected: JavaFX lays out a table in a tab not selected
     * at every change of its rows all the same.
     */
    static <P extends Node & FeedView> Tab tab(String title, P pane) {
        Tab tab = new Tab(title, pane);
        pane.shownProperty().bind(tab.selectedProperty());
        return tab;
    }
}
