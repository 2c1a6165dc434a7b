package dev.coalmine.ui;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.css.Styleable;

/**
 * One style class out of a family (a state's colour, say) on a node. Every change to a node's style classes has
 * JavaFX look its styles up again, for the node and all below it; removing a class and adding it back at each update
 * of a cell did so for every visible cell at every merge. Here the classes change only when the state does.
 */
public final class StyleClasses {
    private StyleClasses() {
    }

    /** Gives {@code node} {@code chosen} (none when null) and no other class of {@code family}. */
    public static void choose(Styleable node, String chosen, List<String> family) {
        ObservableList<String> classes = node.getStyleClass();
        for (String member : family) {
            if (!member.equals(chosen) && classes.contains(member)) {
                classes.removeAll(member);
            }
        }
        if (chosen != null && !classes.contains(chosen)) {
            classes.add(chosen);
        }
    }

    /** Replaces the class {@code node} was given ({@code was}, or none) by {@code now} (or none); returns {@code now}. */
    public static String swap(Styleable node, String was, String now) {
        if (was != null && !was.equals(now)) {
            node.getStyleClass().removeAll(was);
        }
        if (now != null && !now.equals(was)) {
            node.getStyleClass().add(now);
        }
        return now;
    }
}
