package dev.coalmine.ui.rollout;

import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.ui.Confirmation;
import dev.coalmine.ui.feed.EventsPane;
import dev.coalmine.ui.feed.FeedView;
import dev.coalmine.ui.feed.LinesPane;
import dev.coalmine.ui.feed.PodLogsPane;
import dev.coalmine.ui.metrics.MetricsPanel;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One release: phase strip, tracks, Promote and Reject, and tabs for step log, events, pod logs and metrics. */
public final class RolloutView extends VBox {
    private final RolloutViewModel model;
    private final HBox strip = new HBox(6);
    private final HBox tracks = new HBox(10);
    private final HBox ladder = new HBox(6);
    private final List<TrackCard> cards = List.of(new TrackCard("stable"), new TrackCard("baseline"),
            new TrackCard("canary"));

    public RolloutView(OpenRollout session, Runnable onNewCanary) {
        super(10);
        this.model = session.model();
        setId("rollout-view");
        setPadding(new Insets(12));

        Label headline = new Label();
        headline.setId("rollout-headline");
        headline.getStyleClass().add("title-4");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.textProperty().bind(model.headlineProperty());

        Button promote = new Button("_Promote");
        promote.setId("promote");
        promote.getStyleClass().add("success");
        promote.disableProperty().bind(model.canDecide().not());
        promote.setOnAction(e -> confirm("Promote", model.promoteConfirmation(), model::promote));
        Button reject = new Button("_Reject");
        reject.setId("reject");
        reject.getStyleClass().add("danger");
        reject.disableProperty().bind(model.canDecide().not());
        reject.setOnAction(e -> confirm("Reject", model.rejectConfirmation(), model::reject));
        Button resume = new Button("Res_ume");
        resume.setId("resume");
        resume.visibleProperty().bind(model.canResume());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> confirm("Resume", model.resumeConfirmation(), model::resume));
        Button again = new Button("New canary\u2026");
        again.setId("new-canary");
        again.setOnAction(e -> onNewCanary.run());
        again.visibleProperty().bind(Bindings.createBooleanBinding(model::finished, model.statusProperty()));
        again.managedProperty().bind(again.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, strip, gap, again, resume, promote, reject);
        top.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("rollout-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        Label verdict = new Label();
        verdict.setId("rollout-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        verdict.getStyleClass().add("verdict-line");
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.managedProperty().bind(verdict.textProperty().isNotEmpty());
        verdict.visibleProperty().bind(verdict.managedProperty());
        VerdictTable table = new VerdictTable(model.findings());

        model.stages().addListener((ListChangeListener<PhaseStrip.Stage>) c -> showStages());
        ladder.setId("weight-ladder");
        ladder.setAlignment(Pos.CENTER_LEFT);
        Label weight = new Label();
        weight.setId("rollout-weight");
        weight.textProperty().bind(model.weightProperty());
        HBox weights = new HBox(12, ladder, weight);
        weights.setAlignment(Pos.CENTER_LEFT);
        weights.visibleProperty().bind(weight.textProperty().isNotEmpty());
        weights.managedProperty().bind(weights.visibleProperty());
        model.ladder().addListener((ListChangeListener<PhaseStrip.Stage>) c -> chips(ladder, model.ladder()));
        model.statusProperty().addListener((obs, old, s) -> showTracks());

        TabPane tabs = new TabPane();
        tabs.setId("rollout-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        LinesPane<RolloutLine> stepLog = new LinesPane<>("step-log", session.rolloutLines(), RolloutView::stepText,
                RolloutView::stepStyle, "The step log starts when the release does");
        EventsPane events = new EventsPane(session.events());
        PodLogsPane podLogs = new PodLogsPane(session.podLogs());
        tabs.getTabs().addAll(FeedView.tab("Step log", stepLog), FeedView.tab("Events", events),
                FeedView.tab("Pod logs", podLogs));
        Tab metricsTab = new Tab("Metrics", new Label("Metrics appear once the release is loaded"));
        metricsTab.setId("metrics-tab");
        model.metricsProperty().addListener((obs, old, metrics) -> {
            MetricsPanel panel = new MetricsPanel(metrics, verdictTile(model), model.chartMarks());
            panel.shownProperty().bind(metricsTab.selectedProperty());
            panel.markers(model.weightChangesProperty().get());
            model.weightChangesProperty().addListener((o, was, changes) -> panel.markers(changes));
            ScrollPane scroll = new ScrollPane(panel);
            scroll.setFitToWidth(true);
            metricsTab.setContent(scroll);
        });
        tabs.getTabs().add(metricsTab);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(headline, top, weights, tracks, verdict, table, message, tabs);
        getStylesheets().add(RolloutView.class.getResource("rollout.css").toExternalForm());
        // Ctrl+1…4 switch tabs; Alt+P, Alt+R and Alt+U (the buttons' mnemonics) promote, reject and resume.
        tabShortcuts(tabs);
        showStages();
        showTracks();
    }

    /**
     * Ctrl+1…4 select the tabs while this view is in a window. A window's shortcuts outlive its views: left in place,
     * they kept every rollout view the operator had left (its charts, its 50,000 Events) alive, and took Ctrl+1…4
     * from whatever view came next.
     */
    private void tabShortcuts(TabPane tabs) {
        Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            shortcuts.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN),
                    () -> tabs.getSelectionModel().select(index));
        }
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                shortcuts.forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                scene.getAccelerators().putAll(shortcuts);
            }
        });
    }

    /** The judge's latest outcome and score, updated with the release. */
    private static Tile verdictTile(RolloutViewModel model) {
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.TEXT).prefSize(200, 150).title("Verdict")
                .textVisible(true).build();
        tile.setId("tile-verdict");
        Runnable update = () -> model.latestVerdictProperty().get().ifPresentOrElse(v -> {
            tile.setDescription(v.outcomeWord().toUpperCase(Locale.ROOT));
            tile.setText(v.score() == null || v.score().isNaN() ? "check " + v.check()
                    : String.format(Locale.ROOT, "score %.0f \u00b7 check %d", v.score(), v.check()));
        }, () -> {
            tile.setDescription("none yet");
            tile.setText("the judge or the operator decides");
        });
        model.latestVerdictProperty().addListener((obs, old, v) -> update.run());
        update.run();
        return tile;
    }

    private static String stepText(RolloutLine line) {
        return line.kind() == RolloutLine.Kind.STEP ? line.text() : "  " + line.text();
    }

    private static String stepStyle(RolloutLine line) {
        return switch (line.kind()) {
            case ERROR -> "line-error";
            case DONE -> "line-done";
            case STEP -> "line-step";
            case STATUS -> null;
        };
    }

    private void confirm(String action, String whatHappens, Runnable decide) {
        Confirmation.ask(this, action + " " + model.deployment(), action + " release of " + model.deployment() + "?",
                whatHappens, decide);
    }

    private void showStages() {
        chips(strip, model.stages());
    }

    private static void chips(HBox row, List<PhaseStrip.Stage> stages) {
        row.getChildren().clear();
        for (PhaseStrip.Stage stage : stages) {
            Label chip = new Label(symbol(stage.mark()) + " " + stage.title());
            chip.getStyleClass().addAll("phase-chip", "phase-" + stage.mark().name().toLowerCase(Locale.ROOT));
            row.getChildren().add(chip);
        }
    }

    private static String symbol(PhaseStrip.Mark mark) {
        return switch (mark) {
            case DONE -> "\u2714";
            case CURRENT -> "\u25B6";
            case TODO -> "\u25CB";
            case FAILED -> "\u2716";
            case SKIPPED -> "\u2013";
        };
    }

    private void showTracks() {
        if (tracks.getChildren().isEmpty()) {
            cards.forEach(card -> HBox.setHgrow(card, Priority.ALWAYS));
            tracks.getChildren().setAll(cards);
        }
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(model.track(List.of("stable", "baseline", "canary").get(i)).orElse(TrackStatus.absent()));
        }
    }
}
