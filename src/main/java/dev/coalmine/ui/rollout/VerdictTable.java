package dev.coalmine.ui.rollout;

import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.ui.HoverTooltip;
import dev.coalmine.ui.StyleClasses;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The latest verdict row by row, as Kayenta's and Argo's analysis views show it: rule, window, canary, control,
 * limit, outcome and what explains it, worst first. As tall as its rows, so it is read in one look.
 */
final class VerdictTable extends TableView<Finding> {
    private static final double ROW = 24;
    /** The column header row of the Primer themes, with its borders. */
    private static final double HEADER = 40;

    VerdictTable(ObservableList<Finding> findings) {
        super(findings);
        setId("verdict-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setFixedCellSize(ROW);
        setFocusTraversable(false);
        // Widths that fit the rollout view at 1280 px with the workload list open; wider windows share the rest.
        getColumns().add(column("Rule", Finding::rule, 150));
        getColumns().add(fixed(column("Over", f -> f.window().words(), 112)));
        getColumns().add(fixed(column("Canary", Finding::canary, 72)));
        getColumns().add(fixed(column("Control", Finding::control, 72)));
        getColumns().add(fixed(column("Limit", Finding::limit, 80)));
        TableColumn<Finding, String> outcome = fixed(column("Result", f -> f.outcome().word(), 62));
        outcome.setCellFactory(c -> new OutcomeCell());
        getColumns().add(outcome);
        getColumns().add(column("Why", Finding::note, 110));
        visibleProperty().bind(Bindings.isNotEmpty(findings));
        managedProperty().bind(visibleProperty());
        findings.addListener((ListChangeListener<Finding>) c -> fitRows(findings.size()));
        fitRows(findings.size());
    }

    private void fitRows(int rows) {
        double height = HEADER + ROW * Math.min(Math.max(rows, 1), 7) + 2;
        setPrefHeight(height);
        setMinHeight(height);
        setMaxHeight(height);
    }

    /** Figures are never cut: only the rule and the explanation give up width (their tooltips have the rest). */
    private static TableColumn<Finding, String> fixed(TableColumn<Finding, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    private static TableColumn<Finding, String> column(String title, Function<Finding, String> value, double width) {
        TableColumn<Finding, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TextCell());
        // Worst first is the order: a header click sorted the rows' text in place, under an arrow the next verdict undid.
        column.setSortable(false);
        return column;
    }

    /** A cell whose whole text shows in a tooltip, in case the column is too narrow for it. */
    private static class TextCell extends TableCell<Finding, String> {
        private final HoverTooltip tooltip = HoverTooltip.on(this);

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tooltip.show(empty ? null : item);
        }
    }

    /** The outcome in the theme's success, warning or danger colour. */
    private static final class OutcomeCell extends TextCell {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            Finding row = empty || getTableRow() == null ? null : getTableRow().getItem();
            StyleClasses.choose(this, row == null ? null : row.outcome() == Verdict.Outcome.PASS ? "line-done"
                    : row.outcome() == Verdict.Outcome.FAIL || row.outcome() == Verdict.Outcome.ERROR ? "line-error"
                    : "line-unclear", List.of("line-done", "line-error", "line-unclear"));
        }
    }
}
