package dev.coalmine.ui.overview;

import dev.coalmine.kube.release.InProgressRelease;
import dev.coalmine.kube.release.ListingForbiddenException;
import dev.coalmine.ui.UiThread;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every release in progress across the namespaces the user may list, live: what an operator checks first in the
 * morning. Across all namespaces when allowed; when that is forbidden it says so and offers the namespace shown.
 */
public final class ReleasesOverviewViewModel implements AutoCloseable {
    private static final String ALL = null;

    private final OverviewSource source;
    private final String currentNamespace;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<InProgressRelease> releases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("Loading\u2026");
    private final ReadOnlyStringWrapper offered = new ReadOnlyStringWrapper("");
    private volatile boolean closed;
    private AutoCloseable feed;

    /**
     * @param currentNamespace the namespace the console shows, offered when listing across namespaces is forbidden
     * @param background       runs the source's blocking calls (tests pass {@code Runnable::run})
     */
    public ReleasesOverviewViewModel(OverviewSource source, String currentNamespace, Executor background, UiThread ui) {
        this.source = source;
        this.currentNamespace = currentNamespace;
        this.background = background;
        this.ui = ui;
    }

    /** Follows the releases in all namespaces. */
    public void open() {
        follow(ALL);
    }

    /** Follows the releases in the namespace the console shows (after listing across namespaces was refused). */
    public void showCurrentNamespace() {
        follow(currentNamespace);
    }

    private void follow(String namespace) {
        offered.set("");
        notice.set("Loading\u2026");
        background.execute(() -> {
            closeFeed();
            try {
                AutoCloseable opened = source.followReleasesInProgress(namespace,
                        rows -> ui.execute(() -> show(namespace, rows)));
                synchronized (this) {
                    feed = opened;
                }
                if (closed) {
                    closeFeed();
                }
            } catch (ListingForbiddenException e) {
                ui.execute(() -> refused(namespace, e.getMessage()));
            } catch (RuntimeException e) {
                ui.execute(() -> notice.set("Cannot list the releases: " + e.getMessage()));
            }
        });
    }

    private void show(String namespace, List<InProgressRelease> rows) {
        if (closed) {
            return;
        }
        if (!rows.equals(releases)) { // a renewed Lease changes nothing shown
            releases.setAll(rows);
        }
        scope.set(namespace == ALL ? "in all namespaces" : "in namespace " + namespace);
        notice.set(rows.isEmpty() ? "No release in progress " + scope.get() : "");
    }

    private void refused(String namespace, String why) {
        releases.clear();
        boolean canOffer = namespace == ALL && currentNamespace != null;
        notice.set(why + (canOffer ? ". Ask for a ClusterRole that lists ConfigMaps and Leases to see every "
                + "namespace, or look at namespace " + currentNamespace + "." : "."));
        offered.set(canOffer ? currentNamespace : "");
    }

    public ObservableList<InProgressRelease> releases() {
        return releases;
    }

    /** "in all namespaces" or "in namespace shop": what the list covers. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** Loading, nothing in progress, or why the list is refused; "" while it lists releases. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The namespace offered instead of all of them, or "". */
    public ReadOnlyStringProperty offeredNamespaceProperty() {
        return offered.getReadOnlyProperty();
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
