package dev.coalmine.ui.history;

import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import dev.coalmine.ui.UiThread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every recorded release of one workload, newest first and live, and the one selected, read-only: its plan (read
 * back from its {@code …-plan} ConfigMap once its body moved out of the history), verdicts and step log.
 */
public final class ReleaseHistoryViewModel implements AutoCloseable {
    private final String namespace;
    private final String deployment;
    private final HistorySource source;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<ReleaseState> releases = FXCollections.observableArrayList();
    private final ObjectProperty<ReleaseState> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("Loading the history\u2026");
    private final ReadOnlyStringWrapper manifest = new ReadOnlyStringWrapper("");
    private volatile boolean closed;
    private AutoCloseable feed;

    /** @param background runs the source's blocking calls (tests pass {@code Runnable::run}) */
    public ReleaseHistoryViewModel(String namespace, String deployment, HistorySource source, Executor background,
                                   UiThread ui) {
        this.namespace = namespace;
        this.deployment = deployment;
        this.source = source;
        this.background = background;
        this.ui = ui;
        selected.addListener((obs, old, release) -> loadManifest(release));
    }

    public void open() {
        background.execute(() -> {
            try {
                AutoCloseable opened = source.followHistory(namespace, deployment, h -> ui.execute(() -> show(h)),
                        problem -> ui.execute(() -> notice.set(problem)));
                synchronized (this) {
                    feed = opened;
                }
                if (closed) {
                    closeFeed();
                }
            } catch (RuntimeException e) {
                ui.execute(() -> notice.set("Cannot read the release history: " + e.getMessage()));
            }
        });
    }

    private void show(ReleaseHistory history) {
        if (closed) {
            return;
        }
        List<ReleaseState> newestFirst = new ArrayList<>(history.releases());
        Collections.reverse(newestFirst);
        int keep = Optional.ofNullable(selected.get()).map(ReleaseState::number).orElse(-1);
        releases.setAll(newestFirst);
        selected.set(newestFirst.stream().filter(r -> r.number() == keep).findFirst()
                .orElse(newestFirst.isEmpty() ? null : newestFirst.get(0)));
        notice.set(newestFirst.isEmpty() ? deployment + " has no recorded release"
                : history.notKept() > 0 ? history.notKept() + " older release(s) not kept: the history outgrew its ConfigMap"
                : "");
    }

    /** A manifest release shows its manifest; once its body moved out of the history it is read back from there. */
    private void loadManifest(ReleaseState release) {
        manifest.set("");
        if (release == null || !release.plan().fromManifest()) {
            return;
        }
        Optional<TrimmedBody> moved = release.trimmedIfAny();
        if (moved.isEmpty()) {
            manifest.set(release.plan().manifestYaml());
            return;
        }
        if (moved.get().keptIn() == null) {
            manifest.set("# " + moved.get().describe());
            return;
        }
        manifest.set("# reading " + moved.get().keptIn() + "\u2026");
        background.execute(() -> {
            String text;
            try {
                text = source.movedPlanBody(release).orElse("# " + moved.get().keptIn() + " is gone");
            } catch (RuntimeException e) {
                text = "# cannot read " + moved.get().keptIn() + ": " + e.getMessage();
            }
            String shown = text;
            ui.execute(() -> {
                if (release.equals(selected.get())) {
                    manifest.set(shown);
                }
            });
        });
    }

    public String namespace() {
        return namespace;
    }

    public String deployment() {
        return deployment;
    }

    /** Newest first. */
    public ObservableList<ReleaseState> releases() {
        return releases;
    }

    public ObjectProperty<ReleaseState> selectedProperty() {
        return selected;
    }

    /** What is missing or wrong (none kept, older ones dropped, unreadable), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The selected manifest release's manifest text, or "". */
    public ReadOnlyStringProperty manifestProperty() {
        return manifest.getReadOnlyProperty();
    }

    /** Whether {@code release} is the workload's newest one (the rollout view shows it live). */
    public boolean isCurrent(ReleaseState release) {
        return !releases.isEmpty() && releases.get(0).number() == release.number();
    }

    @Override
    public void close() {
        closed = true;
        closeFeed();
    }

    private synchronized void closeFeed() {
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception ignored) {
                // the feed is dropped with the view
            }
            feed = null;
        }
    }
}
