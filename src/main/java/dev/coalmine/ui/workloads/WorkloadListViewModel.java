package dev.coalmine.ui.workloads;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.ui.UiQueue;
import dev.coalmine.ui.UiThread;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/** The Deployments of the current namespace, kept live by a {@link WorkloadFeed}. */
public final class WorkloadListViewModel {
    /** Opens a feed for the listener; called on a background thread. */
    @FunctionalInterface
    public interface FeedOpener {
        AutoCloseable open(WorkloadFeed.Listener listener) throws Exception;
    }

    private sealed interface Change permits Upsert, Removal, Reset, Loaded {
    }

    private record Loaded(long generation, String message) implements Change {
    }

    private record Upsert(long generation, WorkloadSummary workload) implements Change {
    }

    private record Removal(long generation, String key) implements Change {
    }

    /** {@code state}: what the list is now, in the status bar's words ("loading", "not listed"). */
    private record Reset(long generation, String message, String state) implements Change {
    }

    private final ObservableList<WorkloadSummary> all = FXCollections.observableArrayList();
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<WorkloadSummary> filtered = new FilteredList<>(all);
    /** The list's order until the operator sorts by a column, and within equal values of that column. */
    public static final Comparator<WorkloadSummary> BY_NAME =
            Comparator.comparing(WorkloadSummary::name).thenComparing(WorkloadSummary::kind);
    private final SortedList<WorkloadSummary> visible = new SortedList<>(filtered, BY_NAME);
    private final ObjectProperty<WorkloadSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper listState = new ReadOnlyStringWrapper("not connected");
    private final Executor background;
    private final UiQueue<Change> changes;
    private volatile long generation;
    private AutoCloseable feed;

    public WorkloadListViewModel(Executor background, UiThread ui) {
        this.background = background;
        this.changes = new UiQueue<>(ui, this::apply);
        filter.addListener((obs, old, text) -> filtered.setPredicate(w -> matches(w, text)));
    }

    /** Replaces the shown namespace's feed; the old one stops delivering at once. */
    public void show(String description, FeedOpener opener) {
        long mine = ++generation;
        closeFeed();
        changes.offer(new Reset(mine, "Loading Deployments of " + description + "…", "loading"));
        background.execute(() -> {
            try {
                AutoCloseable opened = opener.open(listenerFor(mine));
                synchronized (this) {
                    if (generation == mine) {
                        feed = opened;
                        changes.offer(new Loaded(mine, "No Deployments in " + description));
                        return;
                    }
                }
                opened.close();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                changes.offer(new Reset(mine, why.startsWith("Cannot ") ? why : "Cannot list Deployments: " + why,
                        "not listed"));
            }
        });
    }

    public void disconnect(String message) {
        long mine = ++generation;
        closeFeed();
        changes.offer(new Reset(mine, message, "not connected"));
    }

    private synchronized void closeFeed() {
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception ignored) {
                // closing a watch that already broke has nothing left to clean up
            }
            feed = null;
        }
    }

    private WorkloadFeed.Listener listenerFor(long mine) {
        return new WorkloadFeed.Listener() {
            @Override
            public void upserted(WorkloadSummary workload) {
                changes.offer(new Upsert(mine, workload));
            }

            @Override
            public void removed(String key) {
                changes.offer(new Removal(mine, key));
            }
        };
    }

    private void apply(List<Change> batch) {
        for (Change change : batch) {
            if (change instanceof Reset reset && reset.generation() == generation) {
                all.clear();
                indexByKey.clear();
                placeholder.set(reset.message());
                listState.set(reset.state());
            } else if (change instanceof Upsert upsert && upsert.generation() == generation) {
                if (all.isEmpty()) {
                    StartupTrace.mark("first workload on FX");
                }
                upsert(upsert.workload());
            } else if (change instanceof Removal removal && removal.generation() == generation) {
                remove(removal.key());
            } else if (change instanceof Loaded loaded && loaded.generation() == generation) {
                placeholder.set(loaded.message());
                listState.set("live");
            }
        }
    }

    private void upsert(WorkloadSummary workload) {
        Integer index = indexByKey.get(workload.key());
        if (index == null) {
            indexByKey.put(workload.key(), all.size());
            all.add(workload);
        } else {
            all.set(index, workload);
        }
        if (selected.get() != null && selected.get().key().equals(workload.key())) {
            selected.set(workload);
        }
    }

    private void remove(String key) {
        Integer index = indexByKey.remove(key);
        if (index == null) {
            return;
        }
        all.remove((int) index);
        indexByKey.replaceAll((k, i) -> i > index ? i - 1 : i);
        if (selected.get() != null && selected.get().key().equals(key)) {
            selected.set(null);
        }
    }

    private static boolean matches(WorkloadSummary w, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return w.name().toLowerCase(Locale.ROOT).contains(needle)
                || w.imagesText().toLowerCase(Locale.ROOT).contains(needle);
    }

    public SortedList<WorkloadSummary> visibleWorkloads() {
        return visible;
    }

    /** The Deployment named {@code name}. */
    public Optional<WorkloadSummary> find(String name) {
        Integer index = indexByKey.get("Deployment/" + name);
        return index == null ? Optional.empty() : Optional.of(all.get(index));
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<WorkloadSummary> selectedProperty() {
        return selected;
    }

    /** What an empty list says: loading, an error, an empty namespace, or nothing matching the filter. */
    public StringBinding emptyMessage() {
        return Bindings.createStringBinding(
                () -> all.isEmpty() ? placeholder.get() : "No Deployments match \u201c" + filter.get() + "\u201d",
                all, placeholder, filter);
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "live" while the list follows its namespace's watch; else "loading", "not listed" or "not connected". */
    public ReadOnlyStringProperty listStateProperty() {
        return listState.getReadOnlyProperty();
    }
}
