package dev.coalmine.ui.engine;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.feed.EventFeed;
import dev.coalmine.kube.feed.PodLogFeed;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.feed.LiveList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Events and pod logs of an Argo Rollout or a Flagger Canary as capped live lists, the same feeds and panes as a
 * Coalmine release's; the feeds read the connection's shared cache.
 */
public final class EngineFeeds implements AutoCloseable {
    private final ClusterCache cache;
    private final KubernetesClient client;
    private final String namespace;
    private final LiveList<EventRecord> events;
    private final LiveList<LogLine> podLogs;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public EngineFeeds(ClusterCache cache, KubernetesClient client, String namespace, String name, UiThread ui) {
        this.cache = cache;
        this.client = client;
        this.namespace = namespace;
        this.events = LiveList.events("events-" + name, 50_000, ui);
        this.podLogs = LiveList.appending("logs-" + name, 20_000, ui);
    }

    /** Follows the Events about {@code objects}; blocks until they are listed (call it off the UI thread). */
    public void followEvents(Predicate<ObjectRef> objects, Consumer<String> problem) {
        keep(() -> EventFeed.about(cache, namespace, objects, events.sink()), problem);
    }

    /** Follows the logs of the pods of {@code kind} that {@code pods} accepts; blocks until they are listed. */
    public void followPodLogs(CachedKind<Pod> kind, Predicate<Pod> pods, Consumer<String> problem) {
        keep(() -> PodLogFeed.of(cache, kind, client, namespace, pods, podLogs.sink(), PodLogFeed.Options.defaults()),
                problem);
    }

    private void keep(java.util.function.Supplier<AutoCloseable> opener, Consumer<String> problem) {
        try {
            AutoCloseable feed = opener.get();
            opened.add(feed);
            if (closed) {
                close();
            }
        } catch (RuntimeException e) {
            problem.accept("A live feed could not start: " + e.getMessage());
        }
    }

    public LiveList<EventRecord> events() {
        return events;
    }

    public LiveList<LogLine> podLogs() {
        return podLogs;
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable feed : opened) {
            try {
                feed.close();
            } catch (Exception ignored) {
                // a feed whose watch already broke has nothing left to release
            }
        }
        opened.clear();
        events.close();
        podLogs.close();
    }
}
