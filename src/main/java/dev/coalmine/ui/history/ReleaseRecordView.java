package dev.coalmine.ui.history;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.ui.time.TimeColumns;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One recorded release, read-only: outcome and who decided, when, the canary, the plan (manifest text read back
 * from its own ConfigMap once it moved out of the history), the automatic judge's verdicts and the step log.
 * Nothing here changes the cluster.
 */
final class ReleaseRecordView extends VBox {
    private final Label headline = new Label();
    private final Label why = new Label();
    private final GridPane facts = new GridPane();
    private final ObservableList<StepLogEntry> verdicts = FXCollections.observableArrayList();
    private final ObservableList<StepLogEntry> steps = FXCollections.observableArrayList();
    private final TextArea plan = new TextArea();
    private final ObservableValue<String> manifest;

    /** @param action a button beside the headline (opening the newest release live) */
    ReleaseRecordView(ObservableValue<ReleaseState> release, ObservableValue<String> manifest, Node action) {
        super(8);
        this.manifest = manifest;
        setId("release-record");
        setPadding(new Insets(10, 0, 0, 0));
        headline.setId("record-headline");
        headline.getStyleClass().add("title-4");
        headline.setWrapText(true);
        why.setId("record-why");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.managedProperty().bind(why.textProperty().isNotEmpty());
        facts.setHgap(12);
        facts.setVgap(4);
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(key, value, key, value);

        TabPane tabs = new TabPane(new Tab("Step log", lines("record-step-log", steps, "No step-log lines kept")),
                new Tab("Verdicts", lines("record-verdicts", verdicts, "No automatic verdicts: a person judged this release")),
                new Tab("Plan", plan));
        tabs.setId("record-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        plan.setId("record-plan");
        plan.setEditable(false);
        plan.getStyleClass().add("monospace");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox top = new HBox(10, headline, action);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(top, facts, why, tabs);

        release.addListener((obs, old, r) -> show(r));
        manifest.addListener((obs, old, text) -> showPlan(release.getValue()));
        show(release.getValue());
    }

    private static ListView<StepLogEntry> lines(String id, ObservableList<StepLogEntry> items, String empty) {
        ListView<StepLogEntry> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().addAll("monospace", "dense");
        list.setPlaceholder(new Label(empty));
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(StepLogEntry entry, boolean isEmpty) {
                super.updateItem(entry, isEmpty);
                setText(isEmpty || entry == null ? null : ReleaseWords.stepLine(entry));
            }
        });
        return list;
    }

    private void show(ReleaseState r) {
        facts.getChildren().clear();
        if (r == null) {
            headline.setText("Select a release to see its record");
            why.setText("");
            verdicts.clear();
            steps.clear();
            plan.setText("");
            return;
        }
        String decided = ReleaseWords.decidedBy(r);
        headline.setText("Release " + r.number() + " \u00b7 " + ReleaseWords.outcome(r)
                + (decided.isEmpty() ? "" : " \u00b7 " + decided));
        why.setText(ReleaseWords.failure(r).or(() -> r.decisionIfAny().map(d -> d.reason()))
                .map(reason -> "Why: " + reason).orElse(""));
        fact(0, 0, "Started", TimeColumns.LOCAL.format(r.startedAt()) + " (" + TimeColumns.ago(r.startedAt()) + ")");
        fact(0, 2, "Took", ReleaseWords.took(r, Instant.now()) + (r.finished() ? "" : " so far"));
        fact(1, 0, "Change", ReleaseWords.change(r));
        fact(1, 2, "Canary", ReleaseWords.canary(r) + (r.plan().baseline() ? " + baseline" : ""));
        fact(2, 0, "Decided", r.decisionIfAny().map(d -> ReleaseWords.decidedBy(r) + " at "
                + TimeColumns.CLOCK.format(d.at())).orElse("nobody decided"));
        fact(2, 2, "Judge", r.plan().judge().isAutomatic() ? "automatic" : "manual");
        verdicts.setAll(ReleaseWords.verdicts(r));
        steps.setAll(r.log());
        showPlan(r);
    }

    private void fact(int row, int column, String name, String text) {
        Label key = new Label(name);
        key.getStyleClass().add("text-muted");
        Label value = new Label(text);
        value.setId("record-" + name.toLowerCase(java.util.Locale.ROOT));
        value.setWrapText(true);
        value.setMinHeight(Region.USE_PREF_SIZE);
        facts.add(key, column, row);
        facts.add(value, column + 1, row);
    }

    private void showPlan(ReleaseState r) {
        if (r == null) {
            return;
        }
        String body = manifest.getValue();
        plan.setText(ReleaseWords.plan(r) + (body == null || body.isEmpty() ? "" : "\n" + body));
    }
}
