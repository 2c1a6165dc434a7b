package dev.coalmine.ui.wizard;

import dev.coalmine.core.engine.Engine;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.release.ManifestFile;
import dev.coalmine.ui.UiThread;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The canary wizard: six steps, validated as the operator types; Back keeps everything entered. */
public final class WizardViewModel {
    private final WorkloadSummary workload;
    private final ReleaseLauncher launcher;
    private final Executor background;
    private final UiThread ui;
    private final Consumer<WorkloadSummary> onStarted;
    private final BiConsumer<WorkloadSummary, Engine> onHandedOff;
    private final VersionStep version;
    private final SizeStep size;
    private final JudgeStep judge;
    private final TrafficStep traffic;
    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.WORKLOAD);
    private final ReadOnlyStringWrapper unfinished = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<ReviewContent>> preview = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper reviewStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reviewLadder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper metricsTest = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(Engine.COALMINE);
    private final ObservableList<Engine> engines = FXCollections.observableArrayList(Engine.COALMINE);
    private final BooleanBinding canGoNext;
    private final BooleanBinding canStart;

    public WizardViewModel(WorkloadSummary workload, boolean demoCluster, ReleaseLauncher launcher, Executor background,
            UiThread ui, Consumer<WorkloadSummary> onStarted) {
        this(workload, demoCluster, launcher, background, ui, onStarted, (handed, to) -> { });
    }

    /** {@code onHandedOff} opens the engine's view of a release handed to it (its Rollout or Canary). */
    public WizardViewModel(WorkloadSummary workload, boolean demoCluster, ReleaseLauncher launcher, Executor background,
            UiThread ui, Consumer<WorkloadSummary> onStarted, BiConsumer<WorkloadSummary, Engine> onHandedOff) {
        this.onHandedOff = onHandedOff;
        this.workload = workload;
        this.launcher = launcher;
        this.background = background;
        this.ui = ui;
        this.onStarted = onStarted;
        this.version = new VersionStep(workload);
        this.size = new SizeStep(workload.desiredReplicas());
        this.judge = new JudgeStep(demoCluster);
        this.traffic = new TrafficStep(size.baselineProperty());
        canGoNext = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case WORKLOAD -> unfinished.get().isEmpty() && workload.desiredReplicas() > 0;
            case VERSION -> version.valid().get();
            case SIZE -> size.valid().get();
            case TRAFFIC -> traffic.valid().get();
            case JUDGE -> judge.valid().get();
            case REVIEW -> false;
        }, step, unfinished, version.valid(), size.valid(), traffic.valid(), judge.valid());
        canStart = Bindings.createBooleanBinding(() -> step.get() == WizardStep.REVIEW && !busy.get()
                && preview.get().map(ReviewContent::startable).orElse(false), step, busy, preview);
        checkUnfinishedRelease();
        findTrafficProviders();
        engine.addListener((o, before, now) -> {
            if (step.get() == WizardStep.REVIEW && now != null) {
                review();
            }
        });
    }

    private void findTrafficProviders() {
        background.execute(() -> {
            try {
                var offers = launcher.trafficOffers();
                ui.execute(() -> traffic.offersFound(offers));
            } catch (RuntimeException e) {
                ui.execute(() -> traffic.providersUnknown("Cannot read the cluster's API groups, so only the replica "
                        + "ratio is offered: " + e.getMessage()));
            }
        });
    }

    /** Asks which engines the cluster has (only installed ones are offered); Coalmine is always among them. */
    private void loadEngines() {
        background.execute(() -> {
            try {
                List<Engine> installed = launcher.engines().stream().sorted().toList();
                ui.execute(() -> offerEngines(installed));
            } catch (RuntimeException e) {
                ui.execute(() -> offerEngines(List.of(Engine.COALMINE)));
            }
        });
    }

    /** A choice box bound to the engine empties its value when its items are replaced: keep (or reset) the choice. */
    private void offerEngines(List<Engine> installed) {
        Engine chosen = engine.get();
        engines.setAll(installed);
        engine.set(chosen != null && installed.contains(chosen) ? chosen : Engine.COALMINE);
    }

    private void checkUnfinishedRelease() {
        background.execute(() -> {
            try {
                Optional<String> found = launcher.unfinishedRelease(workload.namespace(), workload.name());
                ui.execute(() -> unfinished.set(found.map(f -> workload.name() + " already has an unfinished "
                        + "release (" + f + "). Open it from the workload list instead of starting another.").orElse("")));
            } catch (RuntimeException e) {
                ui.execute(() -> unfinished.set("Cannot check for an unfinished release: " + e.getMessage()));
            }
        });
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        step.set(WizardStep.values()[step.get().ordinal() + 1]);
        if (step.get() == WizardStep.REVIEW) {
            loadEngines();
            review();
        }
    }

    public void back() {
        if (step.get() != WizardStep.WORKLOAD && !busy.get()) {
            step.set(WizardStep.values()[step.get().ordinal() - 1]);
        }
    }

    /** The plan as entered; a manifest file is read here, so call it off the UI thread when one is used. */
    public ReleasePlan plan() {
        String manifest = version.useManifestProperty().get()
                ? ManifestFile.read(Path.of(version.manifestPathProperty().get().strip())) : null;
        return new ReleasePlan(workload.namespace(), workload.name(), manifest == null ? version.changes() : List.of(),
                manifest, size.size().get().orElseThrow(), size.baselineProperty().get(), judge.spec(), null,
                traffic.plan());
    }

    /** Tries the chosen metric source; the result shows next to the button. */
    public void testMetrics() {
        JudgeSpec spec = judge.spec();
        metricsTest.set("Testing\u2026");
        background.execute(() -> {
            try {
                String result = launcher.testMetrics(spec, workload.namespace(), workload.name());
                ui.execute(() -> metricsTest.set(result));
            } catch (RuntimeException e) {
                ui.execute(() -> metricsTest.set("Not reachable: " + e.getMessage()));
            }
        });
    }

    public ReadOnlyStringProperty metricsTestProperty() {
        return metricsTest.getReadOnlyProperty();
    }

    private void review() {
        Engine chosen = engine.get();
        preview.set(Optional.empty());
        reviewLadder.set("");
        reviewStatus.set("Rendering, dry-running and checking permissions\u2026");
        busy.set(true);
        background.execute(() -> {
            try {
                ReleasePlan plan = plan();
                ReviewContent result = launcher.preview(plan, chosen);
                String ladder = plan.traffic().weighted() ? "Weights: " + plan.traffic().describeLadder() + "\n"
                        + capitalized(plan.traffic().describeTimeToPromote()) + "." : "";
                ui.execute(() -> {
                    reviewLadder.set(ladder);
                    showPreview(result);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed("The release cannot be prepared: " + e.getMessage()));
            }
        });
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void showPreview(ReviewContent result) {
        busy.set(false);
        preview.set(Optional.of(result));
        reviewStatus.set(result.startable() ? "Dry run passed and all permissions are granted. Start creates the "
                + "objects above" + (engine.get().inCluster() ? ", sets the new images and hands the release to "
                + engine.get().id() + ", which runs it without Coalmine." : ".") : "Start is disabled: " + String.join("; ", result.dryRunProblems())
                + (result.dryRunProblems().isEmpty() || result.rbacProblems().isEmpty() ? "" : "; ")
                + String.join("; ", result.rbacProblems()));
    }

    private void failed(String message) {
        busy.set(false);
        reviewStatus.set(message);
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        busy.set(true);
        Engine chosen = engine.get();
        reviewStatus.set(chosen.inCluster() ? "Handing the release to " + chosen.id() + "\u2026"
                : "Starting the release\u2026");
        background.execute(() -> {
            try {
                launcher.start(plan(), chosen);
                ui.execute(() -> {
                    busy.set(false);
                    if (chosen.inCluster()) {
                        reviewStatus.set("Handed to " + chosen.id() + ": it runs the release in the cluster; "
                                + "Coalmine need not stay open.");
                        onHandedOff.accept(workload, chosen);
                        return;
                    }
                    reviewStatus.set("Started");
                    onStarted.accept(workload);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> failed("The release did not start: " + e.getMessage()));
            }
        });
    }

    /** Who runs the release: Coalmine, or an installed in-cluster engine it is handed to. */
    public ObjectProperty<Engine> engineProperty() {
        return engine;
    }

    public ObservableList<Engine> engines() {
        return engines;
    }

    public WorkloadSummary workload() {
        return workload;
    }

    public VersionStep version() {
        return version;
    }

    public SizeStep size() {
        return size;
    }

    public JudgeStep judge() {
        return judge;
    }

    public TrafficStep traffic() {
        return traffic;
    }

    public ObjectProperty<WizardStep> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty unfinishedProperty() {
        return unfinished.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<ReviewContent>> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewStatusProperty() {
        return reviewStatus.getReadOnlyProperty();
    }

    /** The final plan's step ladder and minimum time to promote (the judge's interval applied); empty without weights. */
    public ReadOnlyStringProperty reviewLadderProperty() {
        return reviewLadder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    public BooleanBinding canStart() {
        return canStart;
    }
}
