package dev.coalmine.kube.feed;

import dev.coalmine.core.feed.DeploymentRollout;
import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.core.feed.RolloutStatus;
import dev.coalmine.core.feed.RolloutStatuses;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code kubectl rollout status} for several Deployments at once: each time a Deployment's status line
 * changes, one {@link RolloutLine} (the same line is never repeated). The release engine's step log joins
 * the same story through {@link #addStep}.
 */
public final class RolloutFeed implements AutoCloseable {
    private final Set<String> deployments;
    private final FeedSink<RolloutLine> sink;
    private final Clock clock;
    private final Map<String, String> lastText = new ConcurrentHashMap<>();
    private final CachedObjects<Deployment> cached;
    private volatile boolean closed;

    private RolloutFeed(CachedObjects<Deployment> cached, Set<String> deployments, FeedSink<RolloutLine> sink,
                        Clock clock) {
        this.cached = cached;
        this.deployments = Set.copyOf(deployments);
        this.sink = sink;
        this.clock = clock;
    }

    /** Opens a feed over the cache's Deployments, blocking until they have been listed: call it off the UI thread. */
    public static RolloutFeed open(ClusterCache cache, String namespace, Set<String> deployments,
                                   FeedSink<RolloutLine> sink) {
        RolloutFeed feed = new RolloutFeed(cache.open(CachedKind.DEPLOYMENTS, namespace), deployments, sink,
                Clock.systemUTC());
        feed.cached.listen(feed.observer());
        return feed;
    }

    private ResourceEventHandler<Deployment> observer() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment d) {
                observe(d);
            }

            @Override
            public void onUpdate(Deployment old, Deployment d) {
                observe(d);
            }

            @Override
            public void onDelete(Deployment d, boolean finalStateUnknown) {
                // A new Deployment of the same name starts its story afresh.
                lastText.remove(d.getMetadata().getName());
            }
        };
    }

    /** Adds a line of the release engine's step log (for example "step 2/5: canary at 20 %"). */
    public void addStep(String source, String text) {
        if (!closed) {
            sink.accept(new RolloutLine(clock.instant(), RolloutLine.Kind.STEP, source, text));
        }
    }

    private void observe(Deployment d) {
        String name = d.getMetadata().getName();
        if (closed || !deployments.contains(name)) {
            return;
        }
        RolloutStatus status = RolloutStatuses.of(rolloutOf(d));
        if (!status.text().equals(lastText.put(name, status.text()))) {
            sink.accept(RolloutLine.of(clock.instant(), status));
        }
    }

    static DeploymentRollout rolloutOf(Deployment d) {
        DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        String progressing = s.getConditions() == null ? null : s.getConditions().stream()
                .filter(c -> "Progressing".equals(c.getType())).map(DeploymentCondition::getReason)
                .findFirst().orElse(null);
        return new DeploymentRollout(d.getMetadata().getName(), orZero(d.getMetadata().getGeneration()),
                orZero(s.getObservedGeneration()), d.getSpec() == null ? null : d.getSpec().getReplicas(),
                orZero(s.getUpdatedReplicas()), orZero(s.getReplicas()), orZero(s.getAvailableReplicas()), progressing);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public void close() {
        closed = true;
        cached.close();
    }
}
