package dev.coalmine.testing;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;

/** The title of a table's column, as a test clicks it to sort. */
public final class ColumnHeaders {
    private ColumnHeaders() {
    }

    /** The title {@code title} of a column of the table {@code table} selects (such as {@code "#events-table"}). */
    public static Node title(FxRobot robot, String table, String title) {
        return robot.lookup(table + " .column-header .label").match((Label l) -> title.equals(l.getText())).query();
    }
}
