package dev.coalmine.ui.rollout;

import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.release.RecordedVerdict;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.kube.release.DeployToolNote;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.metrics.ChartMarks;
import dev.coalmine.ui.metrics.MetricsViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import dev.coalmine.ui.metrics.ComparisonChart;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One release as the rollout view shows it: phase strip, tracks, step log and the Promote and Reject
 * decisions. Buttons only record a decision; whichever process drives the release carries it out, so a
 * decision made by the CLI or another console shows up here through the state watch.
 */
public final class RolloutViewModel implements AutoCloseable {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final String namespace;
    private final String deployment;
    private final ReleaseFollower release;
    private final Executor background;
    private final UiThread ui;
    private final ObjectProperty<ReleaseStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<PhaseStrip.Stage> stages = FXCollections.observableArrayList();
    private final ObservableList<String> stepLog = FXCollections.observableArrayList();
    private final ObservableList<PhaseStrip.Stage> ladder = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper weight = new ReadOnlyStringWrapper("");
    private final ObjectProperty<List<ComparisonChart.Marker>> weightChanges = new SimpleObjectProperty<>(List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Loading the release\u2026");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Optional<RecordedVerdict>> latestVerdict = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<ChartMarks.Mark> chartMarks = FXCollections.observableArrayList();
    private final ObjectProperty<MetricsViewModel> metrics = new SimpleObjectProperty<>();
    private final BooleanBinding canDecide;
    private final BooleanBinding canResume;
    private volatile boolean closed;
    private AutoCloseable watch;

    /**
     * @param background runs the follower's blocking calls (tests pass {@code Runnable::run})
     */
    public RolloutViewModel(String namespace, String deployment, ReleaseFollower release, Executor background,
                            UiThread ui) {
        this.namespace = namespace;
        this.deployment = deployment;
        this.release = release;
        this.background = background;
        this.ui = ui;
        canDecide = Bindings.createBooleanBinding(() -> current().map(s -> s.phase().awaitingDecision()
                && s.decision() == null).orElse(false), status);
        canResume = Bindings.createBooleanBinding(() -> current().map(RolloutViewModel::pausedAtAStep).orElse(false),
                status);
    }

    /** Paused after a step (for a person, or for a time a person may cut short), and nobody decided or resumed. */
    private static boolean pausedAtAStep(ReleaseState s) {
        return !s.finished() && s.decision() == null
                && s.trafficIfAny().filter(t -> t.paused() && !t.resumed()).isPresent();
    }

    /** Follows the release and lets the engine drive it from this console while no other process does. */
    public void open() {
        background.execute(() -> {
            try {
                AutoCloseable opened = release.watch(read -> ui.execute(() -> show(read)));
                synchronized (this) {
                    watch = opened;
                }
                if (closed) {
                    closeWatch();
                    return;
                }
                release.driveInBackground(problem -> ui.execute(() -> message.set(problem.orElse(""))));
            } catch (RuntimeException e) {
                ui.execute(() -> message.set("Cannot follow the release: " + e.getMessage()));
            }
        });
    }

    private void show(ReleaseStatus read) {
        if (closed) {
            return;
        }
        Optional<ReleaseState> state = read.current();
        if (state.isEmpty()) {
            headline.set(deployment + " has no release");
            stages.clear();
            stepLog.clear();
            ladder.clear();
            weight.set("");
        } else {
            showRelease(state.get(), read.reason());
        }
        // Last, so the buttons bound to it (Promote, Reject, Resume) appear only beside words that already say why.
        status.set(read);
    }

    private void showRelease(ReleaseState s, String reason) {
        replace(stages, PhaseStrip.of(s.phase()));
        replace(ladder, WeightLadder.of(s));
        weight.set(WeightLadder.describe(s));
        weightChanges.set(WeightChanges.of(s));
        headline.set("Release " + s.number() + " of " + deployment + ": " + PhaseStrip.words(s.phase())
                + " since " + CLOCK.format(s.phaseSince())
                + Optional.ofNullable(reason).map(r -> " \u2014 " + r).orElse("")
                + s.decisionIfAny().map(d -> " \u00b7 " + d.verdict().word() + " by " + d.who() + " at "
                        + CLOCK.format(d.at())).orElse(""));
        latestVerdict.set(s.latestVerdict());
        replace(findings, s.latestVerdict().map(RecordedVerdict::findings).orElse(List.of()));
        verdict.set(s.latestVerdict().map(v -> "Latest verdict: " + (v.findings().isEmpty() ? v.summary() : v.headline())
                + " \u00b7 " + CLOCK.format(v.at())).orElse(waitingFor(s)));
        replace(chartMarks, ChartMarks.of(s, PhaseStrip.words(s.phase()).split(" \u00b7 ")[0]));
        replace(stepLog, s.log().stream().map(RolloutViewModel::stepLine).toList());
    }

    /**
     * Most reads of a release waiting for judgment change nothing shown (a Lease renewal, a new check with the same
     * findings): a list set anyway had its table restyle its rows, the phase strip make its chips again and every
     * chart lay out its marks, tab shown or not.
     */
    private static <T> void replace(ObservableList<T> shown, List<T> now) {
        if (!shown.equals(now)) {
            shown.setAll(now);
        }
    }

    /** What decides a release the judge has not judged yet; nothing once it is decided or over. */
    private static String waitingFor(ReleaseState s) {
        if (s.decision() != null || s.phase().terminal() || !s.phase().awaitingDecision()) {
            return "";
        }
        return s.plan().judge().isAutomatic() ? "The automatic judge has not judged an interval yet"
                : "Manual judgment: Promote or Reject";
    }

    /** Shows a problem of a part of the view (a feed that could not start) without hiding the release. */
    public void showProblem(String problem) {
        message.set(problem);
    }

    /** Called once the release's evidence is open. */
    public void metricsReady(MetricsViewModel ready) {
        ui.execute(() -> metrics.set(ready));
    }

    public ObjectProperty<MetricsViewModel> metricsProperty() {
        return metrics;
    }

    private static String stepLine(StepLogEntry entry) {
        return CLOCK.format(entry.at()) + " [" + entry.stage().title() + "] " + entry.message();
    }

    public void promote() {
        decide(true);
    }

    public void reject() {
        decide(false);
    }

    private void decide(boolean promote) {
        if (!canDecide.get()) {
            return;
        }
        message.set(promote ? "Recording Promote\u2026" : "Recording Reject\u2026");
        background.execute(() -> {
            try {
                if (promote) {
                    release.promote();
                } else {
                    release.reject();
                }
                ui.execute(() -> message.set(promote ? "Promote recorded; the engine rolls stable forward."
                        : "Reject recorded; the engine removes canary and baseline."));
            } catch (RuntimeException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /** Records that the paused step may go on; the process driving the release moves the weight. */
    public void resume() {
        if (!canResume.get()) {
            return;
        }
        message.set("Recording Resume\u2026");
        background.execute(() -> {
            try {
                release.resume();
                ui.execute(() -> message.set("Resume recorded; the engine moves on up the ladder."));
            } catch (RuntimeException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /** What Resume will do: the next weight of the ladder, or what follows its last step. */
    public String resumeConfirmation() {
        return current().filter(RolloutViewModel::pausedAtAStep).map(s -> {
            var plan = s.plan().traffic();
            int step = s.traffic().step();
            String now = "The canary gets " + s.traffic().weight() + " % of the requests"
                    + (plan.service() == null ? "" : " to " + plan.service());
            if (step < plan.lastStep()) {
                return now + "; Resume routes " + plan.weightAt(step + 1) + " % to it (step " + (step + 2) + " of "
                        + plan.steps().size() + ", " + plan.provider().word() + ").";
            }
            return now + " and this was the last step; Resume "
                    + (plan.manualGate() || !s.plan().judge().isAutomatic() ? "leaves promote or reject to a person."
                    : "lets the automatic judge promote.");
        }).orElse("The release is not paused.");
    }

    /** What Promote will do, in the words of the confirmation dialog, and what the stable's deploy tool means for it. */
    public String promoteConfirmation() {
        String tool = current().flatMap(DeployToolNote::said)
                .map(note -> "\n\n" + Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".").orElse("");
        return whatPromoteDoes() + tool;
    }

    private String whatPromoteDoes() {
        ReleaseStatus read = status.get();
        String images = current().map(s -> s.plan().images().stream().map(Object::toString)
                .reduce((a, b) -> a + ", " + b).orElse("the new manifest")).orElse("the new version");
        int replicas = read == null ? 0 : read.stable().replicas();
        if (read != null && read.stable().recreate()) {
            return "Recreate " + deployment + ": all " + replicas + " replicas replaced at once by " + images
                    + " (its Recreate strategy: no pod serves until the new ones are ready), then delete " + trackNames() + ".";
        }
        return "Rolling update of " + deployment + " (" + replicas + " replicas) to " + images + ", then delete "
                + trackNames() + ".";
    }

    /** What Reject will do. */
    public String rejectConfirmation() {
        return "Delete " + trackNames() + "; " + deployment + " stays as it is.";
    }

    private String trackNames() {
        boolean baseline = current().map(s -> s.plan().baseline()).orElse(true);
        return deployment + "-canary" + (baseline ? " and " + deployment + "-baseline" : "");
    }

    private Optional<ReleaseState> current() {
        return Optional.ofNullable(status.get()).flatMap(ReleaseStatus::current);
    }

    public Optional<TrackStatus> track(String name) {
        ReleaseStatus read = status.get();
        if (read == null) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "canary" -> read.canary();
            case "baseline" -> read.baseline();
            default -> read.stable();
        });
    }

    public boolean finished() {
        return current().map(s -> s.phase().terminal()).orElse(false);
    }

    public ReleasePhase phase() {
        return current().map(ReleaseState::phase).orElse(null);
    }

    public String namespace() {
        return namespace;
    }

    public String deployment() {
        return deployment;
    }

    public ObjectProperty<ReleaseStatus> statusProperty() {
        return status;
    }

    public ObservableList<PhaseStrip.Stage> stages() {
        return stages;
    }

    /** A weighted release's step ladder (empty for the replica ratio). */
    public ObservableList<PhaseStrip.Stage> ladder() {
        return ladder;
    }

    /** When the canary's weight changed, for the charts to mark. */
    public ObjectProperty<List<ComparisonChart.Marker>> weightChangesProperty() {
        return weightChanges;
    }

    /** The live weight and step, e.g. "gateway-api: canary weight 10 % · step 2 of 4". */
    public ReadOnlyStringProperty weightProperty() {
        return weight.getReadOnlyProperty();
    }

    public ObservableList<String> stepLog() {
        return stepLog;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The judge's latest verdict in words, or what decides this release. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The latest verdict row by row (rule, window, canary, control, limit, outcome), worst first. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    /** Decisions, checks and phase changes of the release, to mark on the charts' time axis. */
    public ObservableList<ChartMarks.Mark> chartMarks() {
        return chartMarks;
    }

    public ObjectProperty<Optional<RecordedVerdict>> latestVerdictProperty() {
        return latestVerdict;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public BooleanBinding canDecide() {
        return canDecide;
    }

    /** Whether the release waits at a paused step that Resume lets go on. */
    public BooleanBinding canResume() {
        return canResume;
    }

    @Override
    public void close() {
        closed = true;
        closeWatch();
    }

    private synchronized void closeWatch() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception ignored) {
                // the watch is being dropped with the view
            }
            watch = null;
        }
    }
}
