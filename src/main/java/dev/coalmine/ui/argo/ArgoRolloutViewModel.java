package dev.coalmine.ui.argo;

import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.core.argo.RolloutPatches;
import dev.coalmine.core.argo.RolloutSnapshot;
import dev.coalmine.core.argo.ReplicaSetView;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.engine.LiveObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One Argo Rollout as its view shows it: where the steps are, why it is paused, its ReplicaSets and AnalysisRuns,
 * and the plugin's five commands. A command is planned from the live Rollout first; the view shows that plan and
 * sends it only when the operator confirms. The controller acts on the patch; the watch shows the result.
 */
public final class ArgoRolloutViewModel implements AutoCloseable {
    private final String namespace;
    private final String name;
    private final RolloutPort port;
    private final Executor background;
    private final UiThread ui;
    private final ObjectProperty<RolloutSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Loading the Rollout\u2026");
    private final ReadOnlyStringWrapper pauses = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final LiveObject<RolloutSnapshot> live;

    public ArgoRolloutViewModel(String namespace, String name, RolloutPort port, Executor background, UiThread ui) {
        this.namespace = namespace;
        this.name = name;
        this.port = port;
        this.background = background;
        this.ui = ui;
        this.live = new LiveObject<>(port::watch, background, ui);
    }

    /** Starts watching on the background executor. */
    public void open() {
        live.open(this::show, problem -> message.set("Cannot watch Rollout " + name + ": " + problem));
    }

    private void show(Optional<RolloutSnapshot> shown) {
        snapshot.set(shown.orElse(null));
        if (shown.isEmpty()) {
            headline.set("Rollout " + name + " does not exist (any more)");
            steps.clear();
            pauses.set("");
            return;
        }
        var rollout = shown.get().rollout();
        headline.set("Rollout " + name + "  \u00b7  " + rollout.progress());
        steps.setAll(StepRow.of(rollout));
        String paused = String.join(", ", rollout.pauseConditions().stream()
                .map(p -> p.reason() + (p.startTime().isEmpty() ? "" : " since " + p.startTime())).toList());
        pauses.set(rollout.paused() ? "Paused: " + (paused.isEmpty() ? "spec.paused (by an operator)" : paused)
                + (rollout.specPaused() && !paused.isEmpty() ? "; spec.paused" : "")
                : rollout.message().isEmpty() ? "" : rollout.message());
    }

    /**
     * Plans {@code command} from the live Rollout (off the UI thread), then hands the plan to {@code confirm} on the
     * UI thread; a command with nothing to change says so instead.
     */
    public void prepare(RolloutCommand command, Consumer<RolloutPatches> confirm) {
        busy.set(true);
        background.execute(() -> {
            try {
                RolloutPatches plan = port.plan(command);
                ui.execute(() -> {
                    busy.set(false);
                    if (plan.changesNothing()) {
                        message.set(command.label() + ": nothing to change on this Rollout now.");
                    } else {
                        confirm.accept(plan);
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed(e));
            }
        });
    }

    /** Sends the confirmed patches. */
    public void run(RolloutPatches plan) {
        busy.set(true);
        background.execute(() -> {
            try {
                port.apply(plan);
                ui.execute(() -> {
                    busy.set(false);
                    message.set("Sent " + plan.command() + "; the Argo Rollouts controller carries it out.");
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed(e));
            }
        });
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        message.set(e.getMessage());
    }

    /** What the confirmation says: the plugin command, each patch, and what the controller will do. */
    public String confirmation(RolloutCommand command, RolloutPatches plan) {
        return "kubectl argo rollouts " + plan.command() + " " + name + " -n " + namespace + " sends:\n"
                + plan.preview(name) + "\n\n" + command.effect();
    }

    public BooleanBinding canRun(RolloutCommand command) {
        return Bindings.createBooleanBinding(() -> !busy.get() && snapshot.get() != null
                && command.appliesTo(snapshot.get().rollout()), snapshot, busy);
    }

    public List<ReplicaSetView> replicaSets() {
        return snapshot.get() == null ? List.of() : snapshot.get().replicaSets();
    }

    public ObjectProperty<RolloutSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pausesProperty() {
        return pauses.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void showProblem(String text) {
        message.set(text);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        live.close();
    }
}
