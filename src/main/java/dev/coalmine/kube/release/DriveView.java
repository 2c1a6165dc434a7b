package dev.coalmine.kube.release;

import dev.coalmine.kube.InformerStart;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one drive of a release looks at, kept current by watches instead of polling: the namespace's Deployments,
 * the pods Coalmine labelled with a track, and the release's state ConfigMap (one LIST and one WATCH each). Every
 * change wakes the driver ({@link #awaitChange}). What this process itself wrote is remembered until the watch
 * brings it (or something newer), so the next look never shows the cluster as it was before our own write.
 */
final class DriveView implements AutoCloseable {
    private static final Duration FIRST_LIST = Duration.ofSeconds(30);

    private final String namespace;
    private final String stateName;
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<ConfigMap> state;
    /** Our own latest write per kind/name; {@code object} is null after our delete. */
    private final Map<String, OwnWrite> written = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private long changes;

    private record OwnWrite(HasMetadata object, long resourceVersion) {
    }

    private DriveView(KubernetesClient client, String namespace, String deployment) {
        this.namespace = namespace;
        this.stateName = ReleaseNames.stateConfigMap(deployment);
        this.deployments = client.apps().deployments().inNamespace(namespace).runnableInformer(0);
        this.pods = client.pods().inNamespace(namespace).withLabel(ReleaseNames.TRACK).runnableInformer(0);
        this.state = client.configMaps().inNamespace(namespace).withName(stateName).runnableInformer(0);
        deployments.addEventHandler(new Wake<>());
        pods.addEventHandler(new Wake<>());
        state.addEventHandler(new Wake<>());
    }

    /** Lists and starts watching; blocks until all three caches are filled. */
    static DriveView open(KubernetesClient client, String namespace, String deployment) {
        DriveView view = new DriveView(client, namespace, deployment);
        try {
            String what = "watch the release of " + deployment + " in namespace " + namespace;
            InformerStart.await(view.deployments, FIRST_LIST, view::close, what);
            InformerStart.await(view.pods, FIRST_LIST, view::close, what);
            InformerStart.await(view.state, FIRST_LIST, view::close, what);
        } catch (InterruptedException e) {
            view.close();
            Thread.currentThread().interrupt();
            throw new dev.coalmine.core.CoalmineException("interrupted while opening the release's watches; "
                    + "run the command again to continue");
        }
        return view;
    }

    /** How many changes the watches have seen so far; pass it to {@link #awaitChange}. */
    long changes() {
        synchronized (signal) {
            return changes;
        }
    }

    /** Waits until a change after {@code seen} arrives, or {@code max} passes. */
    void awaitChange(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (signal) {
            while (changes == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    Deployment deployment(String name) {
        return newest("Deployment/" + name, deployments.getStore().getByKey(namespace + "/" + name));
    }

    ConfigMap stateMap() {
        return newest("ConfigMap/" + stateName, state.getStore().getByKey(namespace + "/" + stateName));
    }

    /** The pods of {@code track} in release {@code release}. */
    List<Pod> pods(String track, int release) {
        Map<String, String> wanted = ReleaseNames.trackLabels(track, release);
        List<Pod> matching = new ArrayList<>();
        for (Pod pod : pods.getStore().list()) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            if (labels != null && labels.entrySet().containsAll(wanted.entrySet())) {
                matching.add(pod);
            }
        }
        return matching;
    }

    /** Remembers what a write of ours returned, until the watch shows it. */
    <T extends HasMetadata> T wrote(T object) {
        if (object != null) {
            written.put(key(object), new OwnWrite(object, version(object)));
            wake();
        }
        return object;
    }

    /** Remembers that we deleted {@code object}, until the watch shows it gone. */
    void deleted(HasMetadata object) {
        written.put(key(object), new OwnWrite(null, version(object)));
        wake();
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> T newest(String key, T cached) {
        OwnWrite own = written.get(key);
        if (own == null) {
            return cached;
        }
        if (cached != null && version(cached) > own.resourceVersion()) {
            written.remove(key, own);
            return cached;
        }
        if (cached != null && version(cached) == own.resourceVersion() && own.object() != null) {
            written.remove(key, own);
            return cached;
        }
        if (cached == null && own.object() == null) {
            written.remove(key, own);
        }
        return (T) own.object();
    }

    /**
     * Kubernetes calls resourceVersions opaque, but every API server (etcd revisions, the mock server's counter)
     * hands out increasing integers; an unparsable one counts as newest so the watch's copy wins.
     */
    private static long version(HasMetadata o) {
        try {
            return Long.parseLong(Objects.requireNonNull(o.getMetadata().getResourceVersion()));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    private void wake() {
        synchronized (signal) {
            changes++;
            signal.notifyAll();
        }
    }

    @Override
    public void close() {
        deployments.close();
        pods.close();
        state.close();
    }

    private final class Wake<T> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            wake();
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            wake();
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            wake();
        }
    }
}
