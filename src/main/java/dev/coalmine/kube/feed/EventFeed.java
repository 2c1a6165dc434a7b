package dev.coalmine.kube.feed;

import dev.coalmine.core.feed.Batch;
import dev.coalmine.core.feed.BatchPump;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.FeedBuffer;
import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.core.feed.ReleaseObjectNames;
import dev.coalmine.core.feed.SeenVersions;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The Kubernetes Events of one release's objects, live, starting with the Events still stored (the
 * recent history, oldest first): the Deployments, ReplicaSets and Pods of stable, baseline and canary, and
 * whatever Coalmine itself reported about the workload. An updated Event (count bumped) is delivered
 * again with the same uid. The shared informer of the {@link ClusterCache} relists when the watch expires
 * (410 Gone) and reconnects when the connection drops; versions already delivered are not delivered again.
 *
 * <p>Informer callbacks only enqueue; one worker thread filters (checking owners over the API where a name
 * is ambiguous) and writes to the sink.
 */
public final class EventFeed implements AutoCloseable {
    private static final int RAW_CAPACITY = 10_000;
    private static final int SEEN_CAPACITY = 20_000;
    private static final Comparator<EventRecord> BY_LAST_TIME = Comparator.comparing(EventRecord::lastTime,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final CachedObjects<Event> events;
    private final FeedBuffer<Event> raw = new FeedBuffer<>(RAW_CAPACITY);
    private final BatchPump<Event> worker;
    private final BiPredicate<Event, EventRecord> relevant;
    private final SeenVersions seen = new SeenVersions(SEEN_CAPACITY);
    private final FeedSink<EventRecord> sink;
    private volatile boolean closed;

    private EventFeed(CachedObjects<Event> events, BiPredicate<Event, EventRecord> relevant,
                      FeedSink<EventRecord> sink) {
        this.events = events;
        this.relevant = relevant;
        this.sink = sink;
        this.worker = new BatchPump<>("coalmine-event-feed", raw, Duration.ofMillis(50), 1_000, this::deliver);
    }

    /**
     * Opens a feed over the cache's Events of {@code namespace}, blocking until they have been listed (call it
     * off the UI thread); {@code client} only looks up owners where a name is ambiguous.
     */
    public static EventFeed open(ClusterCache cache, KubernetesClient client, String namespace, String workload,
                                 FeedSink<EventRecord> sink) {
        ReleaseObjectNames names = new ReleaseObjectNames(workload);
        ReleaseObjectMatcher matcher = new ReleaseObjectMatcher(client, namespace, names);
        return listening(new EventFeed(cache.open(CachedKind.EVENTS, namespace),
                (e, r) -> isAboutRelease(e, r, names, matcher), sink));
    }

    /**
     * Opens a feed of the Events about the objects {@code about} accepts (an Argo Rollout's or a Flagger Canary's),
     * blocking until they have been listed (call it off the UI thread).
     */
    public static EventFeed about(ClusterCache cache, String namespace, Predicate<ObjectRef> about,
                                  FeedSink<EventRecord> sink) {
        return listening(new EventFeed(cache.open(CachedKind.EVENTS, namespace), (e, r) -> about.test(r.object()), sink));
    }

    private static EventFeed listening(EventFeed feed) {
        // Listening last: the cached Events (the history) then arrive as adds to a fully built feed.
        feed.events.listen(feed.enqueuer());
        return feed;
    }

    private ResourceEventHandler<Event> enqueuer() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Event e) {
                raw.accept(e);
            }

            @Override
            public void onUpdate(Event old, Event e) {
                raw.accept(e);
            }

            @Override
            public void onDelete(Event e, boolean finalStateUnknown) {
                // Events expire; an expired Event stays in the story.
            }
        };
    }

    private void deliver(Batch<Event> batch) {
        List<EventRecord> fresh = new ArrayList<>();
        for (Event e : batch.items()) {
            EventRecord r = EventRecords.of(e);
            if (relevant.test(e, r) && seen.isNew(r.uid(), r.resourceVersion())) {
                fresh.add(r);
            }
        }
        fresh.sort(BY_LAST_TIME);
        for (EventRecord r : fresh) {
            if (closed) {
                return;
            }
            sink.accept(r);
        }
    }

    private static boolean isAboutRelease(Event e, EventRecord r, ReleaseObjectNames names,
                                          ReleaseObjectMatcher matcher) {
        if (EventRecords.reportedByCoalmine(e) && names.isNamedAfterWorkload(r.object().name())) {
            return true;
        }
        return matcher.belongs(r.object());
    }

    /** Whether the watch is open now (false while relisting or reconnecting). */
    public boolean isWatching() {
        return events.isWatching();
    }

    @Override
    public void close() {
        closed = true;
        events.close();
        worker.close();
    }
}
