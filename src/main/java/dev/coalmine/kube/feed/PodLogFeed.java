package dev.coalmine.kube.feed;

import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.PodSelection;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseNames;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Follows the logs of one pod or of all pods of some tracks of a release, like {@code kubectl logs -f --prefix}:
 * a stream per container, opened when the container has started, closed when its pod is gone, and new pods
 * are picked up as they appear. Lines go to the sink; {@link LogLine#prefixed()} renders kubectl's prefix.
 * Pods come from the {@link ClusterCache}'s track-labelled pods, so only pods Coalmine labelled with a
 * track can be followed.
 */
public final class PodLogFeed implements AutoCloseable {
    /**
     * @param tailLines         lines of history per container when a stream first opens (-1: all)
     * @param maxStreams        containers followed at most at once (kubectl's --max-log-requests)
     */
    public record Options(int tailLines, Duration reconnectDelay, Duration maxReconnectDelay, int maxStreams) {
        public static Options defaults() {
            return new Options(100, Duration.ofSeconds(1), Duration.ofSeconds(10), 20);
        }
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Predicate<Pod> include;
    private final FeedSink<LogLine> sink;
    private final Options options;
    private final CachedObjects<Pod> pods;
    private final Map<String, PodLogStream> streams = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "coalmine-pod-log");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private PodLogFeed(CachedObjects<Pod> pods, KubernetesClient client, Predicate<Pod> include,
                       FeedSink<LogLine> sink, Options options) {
        this.pods = pods;
        this.client = client;
        this.namespace = pods.namespace();
        this.include = include;
        this.sink = sink;
        this.options = options;
    }

    /**
     * Opens a feed over the cache's track-labelled pods, blocking until they have been listed (call it off the UI
     * thread); {@code client} reads the logs.
     */
    public static PodLogFeed open(ClusterCache cache, KubernetesClient client, String namespace,
                                  PodSelection selection, FeedSink<LogLine> sink, Options options) {
        return of(cache, CachedKind.TRACK_PODS, client, namespace, pod -> {
            Map<String, String> labels = pod.getMetadata().getLabels();
            return selection.includes(pod.getMetadata().getName(), labels == null ? null : labels.get(ReleaseNames.WORKLOAD));
        }, sink, options);
    }

    /**
     * Opens a feed over the cache's pods of {@code kind}, following those {@code include} accepts (an Argo
     * Rollout's, a Flagger Canary's), blocking until they have been listed (call it off the UI thread).
     */
    public static PodLogFeed of(ClusterCache cache, CachedKind<Pod> kind, KubernetesClient client, String namespace,
                                Predicate<Pod> include, FeedSink<LogLine> sink, Options options) {
        PodLogFeed feed = new PodLogFeed(cache.open(kind, namespace), client, include, sink, options);
        feed.pods.listen(feed.podWatcher());
        return feed;
    }

    private ResourceEventHandler<Pod> podWatcher() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                observe(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                observe(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                stopPod(pod.getMetadata().getName());
            }
        };
    }

    /** The containers followed now, as {@code pod/container}, sorted. */
    public Set<String> followed() {
        return new TreeSet<>(streams.keySet());
    }

    private synchronized void observe(Pod pod) {
        String name = pod.getMetadata().getName();
        if (closed || !include.test(pod)) {
            return;
        }
        for (var container : pod.getSpec().getContainers()) {
            String key = name + "/" + container.getName();
            ContainerStatus status = statusOf(pod, container.getName());
            int restarts = status == null || status.getRestartCount() == null ? 0 : status.getRestartCount();
            PodLogStream existing = streams.get(key);
            if (existing != null && !existing.podUid().equals(pod.getMetadata().getUid())) {
                streams.remove(key).close();
                existing = null;
            }
            if (existing != null) {
                existing.containerInstance(restarts);
            } else if (hasStarted(pod, status) && streams.size() < options.maxStreams()) {
                PodLogStream stream = new PodLogStream(client, namespace, name, pod.getMetadata().getUid(),
                        container.getName(), restarts, sink, options);
                streams.put(key, stream);
                readers.execute(stream);
            }
        }
    }

    private synchronized void stopPod(String pod) {
        streams.keySet().removeIf(key -> {
            if (key.startsWith(pod + "/")) {
                streams.get(key).close();
                return true;
            }
            return false;
        });
    }

    private static ContainerStatus statusOf(Pod pod, String container) {
        List<ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
        return statuses == null ? null
                : statuses.stream().filter(s -> container.equals(s.getName())).findFirst().orElse(null);
    }

    /** Logs exist once a container has run; a pod without container statuses counts by its phase. */
    private static boolean hasStarted(Pod pod, ContainerStatus status) {
        if (status != null && status.getState() != null) {
            return status.getState().getRunning() != null || status.getState().getTerminated() != null;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Running".equals(phase) || "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            streams.values().forEach(PodLogStream::close);
            streams.clear();
        }
        pods.close();
        readers.shutdownNow();
        try {
            readers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every log reader of this feed has ended; other feeds in the same JVM have threads of the same name. */
    boolean readersStopped() {
        return readers.isTerminated();
    }
}
