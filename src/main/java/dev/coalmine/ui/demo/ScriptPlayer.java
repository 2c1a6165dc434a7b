package dev.coalmine.ui.demo;

import dev.coalmine.core.scenario.ScriptParser;
import dev.coalmine.core.scenario.ScriptRun;
import dev.coalmine.core.scenario.ScriptStep;
import dev.coalmine.core.scenario.TrainerScript;
import dev.coalmine.core.time.Durations;
import dev.coalmine.ui.UiThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A trainer's scenario script in the demo panel: loaded from a file, shown as a timeline, replayed from Start. The
 * view calls {@link #tick()} a few times a second; due steps go to {@code act} (the panel's knobs) in order.
 */
public final class ScriptPlayer {
    /** One line of the timeline: "✔ 0:30  canary: slow". */
    public record Entry(String text, ScriptRun.Mark mark) {
    }

    private final Executor background;
    private final UiThread ui;
    private final Clock clock;
    private final Consumer<ScriptStep> act;
    private final ObservableList<Entry> timeline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No script loaded");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Optional<TrainerScript> script = Optional.empty();
    private ScriptRun run;
    private String lastNote = "";

    public ScriptPlayer(Executor background, UiThread ui, Clock clock, Consumer<ScriptStep> act) {
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.act = act;
    }

    /** Reads and checks the script off the UI thread; a mistake shows as "file, line N: what is wrong". */
    public void load(Path file) {
        stop();
        status.set("Loading " + file.getFileName() + "\u2026");
        background.execute(() -> {
            try {
                TrainerScript loaded = ScriptParser.parse(Files.readString(file));
                ui.execute(() -> loaded(file, loaded));
            } catch (IOException e) {
                ui.execute(() -> failed("Cannot read " + file + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                ui.execute(() -> failed(file.getFileName() + ", " + e.getMessage()));
            }
        });
    }

    private void loaded(Path file, TrainerScript loaded) {
        script = Optional.of(loaded);
        run = null;
        status.set(file.getFileName() + ": " + loaded.steps().size() + " steps over "
                + Durations.format(loaded.length()) + ". Start replays it on the selected workload's canary.");
        showTimeline();
    }

    private void failed(String message) {
        script = Optional.empty();
        timeline.clear();
        status.set(message);
    }

    /** Starts the replay now, from the first step. */
    public void start() {
        script.ifPresent(s -> {
            run = new ScriptRun(s, clock.instant());
            lastNote = "";
            running.set(true);
            status.set("Replaying\u2026");
            tick();
        });
    }

    public void stop() {
        if (running.get()) {
            running.set(false);
            status.set("Stopped");
        }
    }

    /** Carries out the steps whose time has come and refreshes the timeline. */
    public void tick() {
        if (!running.get() || run == null) {
            return;
        }
        List<ScriptStep> due = run.due(clock.instant());
        due.forEach(act);
        due.forEach(step -> step.note().ifPresent(note -> lastNote = " \u2014 " + note));
        if (!due.isEmpty()) {
            showTimeline();
        }
        if (run.finished()) {
            running.set(false);
            status.set("Replay finished after " + Durations.format(run.script().length()) + lastNote);
        } else {
            status.set("Replaying: " + Durations.format(run.elapsed(clock.instant()).withNanos(0)) + lastNote);
        }
    }

    private void showTimeline() {
        List<ScriptStep> steps = script.map(TrainerScript::steps).orElse(List.of());
        ObservableList<Entry> entries = FXCollections.observableArrayList();
        for (int i = 0; i < steps.size(); i++) {
            ScriptRun.Mark mark = run == null ? ScriptRun.Mark.LATER : run.mark(i);
            String symbol = switch (mark) {
                case DONE -> "\u2714";
                case NEXT -> "\u25B6";
                case LATER -> "\u25CB";
            };
            entries.add(new Entry(symbol + " " + clockFace(steps.get(i)) + "  " + steps.get(i).describe(), mark));
        }
        timeline.setAll(entries);
    }

    private static String clockFace(ScriptStep step) {
        long seconds = step.at().toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    public ObservableList<Entry> timeline() {
        return timeline;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean loaded() {
        return script.isPresent();
    }
}
