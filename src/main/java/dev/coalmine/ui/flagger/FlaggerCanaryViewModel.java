package dev.coalmine.ui.flagger;

import dev.coalmine.core.flagger.CanaryGates;
import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.flagger.GateAction;
import dev.coalmine.core.flagger.Steering;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.engine.LiveObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One Flagger Canary as its view shows it: phase, weight, failed checks against the threshold, iterations,
 * conditions, its two Deployments, and the gate calls its webhooks allow (or why it cannot be steered).
 */
public final class FlaggerCanaryViewModel implements AutoCloseable {
    private final String name;
    private final CanaryPort port;
    private final Executor background;
    private final UiThread ui;
    private final ObjectProperty<CanarySnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<Steering> steering = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Loading the Canary\u2026");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final LiveObject<CanarySnapshot> live;

    public FlaggerCanaryViewModel(String name, CanaryPort port, Executor background, UiThread ui) {
        this.name = name;
        this.port = port;
        this.background = background;
        this.ui = ui;
        this.live = new LiveObject<>(port::watch, background, ui);
    }

    /** Starts watching on the background executor. */
    public void open() {
        live.open(this::show, problem -> message.set("Cannot watch Canary " + name + ": " + problem));
    }

    private void show(Optional<CanarySnapshot> shown) {
        snapshot.set(shown.orElse(null));
        if (shown.isEmpty()) {
            headline.set("Canary " + name + " does not exist (any more)");
            details.set("");
            return;
        }
        FlaggerCanary canary = shown.get().canary();
        headline.set("Canary " + name + "  \u00b7  " + canary.progress());
        details.set("Iterations " + canary.iterations() + (canary.analysis().iterations() > 0 ? "/"
                + canary.analysis().iterations() : "") + "  \u00b7  analysis " + canary.analysis().describe()
                + (canary.lastTransitionTime().isEmpty() ? "" : "  \u00b7  last transition " + canary.lastTransitionTime()));
        Steering next = CanaryGates.of(canary);
        if (!next.equals(steering.get())) {
            steering.set(next);
        }
    }

    /** Calls the gate (off the UI thread) after the view's confirmation. */
    public void call(GateAction action) {
        busy.set(true);
        background.execute(() -> {
            try {
                port.call(action);
                ui.execute(() -> {
                    busy.set(false);
                    message.set(action.kind().label() + ": the load tester accepted it; Flagger acts at its next check.");
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    message.set(e.getMessage());
                });
            }
        });
    }

    public List<String> conditions() {
        return snapshot.get() == null ? List.of()
                : snapshot.get().canary().conditions().stream().map(c -> c.describe()).toList();
    }

    public ObjectProperty<CanarySnapshot> snapshotProperty() {
        return snapshot;
    }

    public ObjectProperty<Steering> steeringProperty() {
        return steering;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
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
