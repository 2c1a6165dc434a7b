package dev.coalmine.kube.release;

import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/**
 * What one drive of a release looks at, kept current by the connection's shared cache instead of polling: the
 * namespace's Deployments, its pods (those Coalmine labelled with a track are the release's) and the release-state
 * ConfigMaps (one LIST and one WATCH each per namespace, shared with every other user in this process). Every change
 * wakes the driver ({@link #awaitChange}). What this view itself wrote ({@link FreshCopies}) counts until the watch
 * brings it (or something newer), so the next look never shows the cluster as it was before our own write; so does
 * the release state this process last wrote or read in any of its views. A start
 * and a decision read through it too, so the drive after them lists nothing again.
 */
final class DriveView implements AutoCloseable {
    private final String namespace;
    private final String stateName;
    private final String workload;
    private final CachedObjects<Deployment> deployments;
    private final CachedObjects<Pod> pods;
    private final CachedObjects<ConfigMap> stateMaps;
    /** The release states this process wrote or read, shared by its views: a drive goes on from a start's write. */
    private final FreshCopies states;
    /** What this view itself wrote of the Deployments: a later view starts from the watch alone. */
    private final FreshCopies workloads = new FreshCopies();
    private final Object signal = new Object();
    private long changes;

    private DriveView(String namespace, String deployment, CachedObjects<Deployment> deployments,
                      CachedObjects<Pod> pods, CachedObjects<ConfigMap> stateMaps, FreshCopies states) {
        this.namespace = namespace;
        this.workload = deployment;
        this.stateName = ReleaseNames.stateConfigMap(deployment);
        this.deployments = deployments;
        this.pods = pods;
        this.stateMaps = stateMaps;
        this.states = states;
        deployments.onAnyChange(this::wake);
        pods.onAnyChange(this::wake);
        stateMaps.onAnyChange(this::wake);
    }

    /**
     * Joins (or starts) the shared watches; blocks until all three caches are filled. When the release states' watch
     * ran already, its copy may lag a write another process made a moment ago (a decision, a start, a drive that
     * just ended), so the release's state is read once by name: everything this view decides starts from the state as
     * it is now, as a view that listed it just now would.
     */
    static DriveView open(KubernetesClient client, ClusterCache cache, String namespace, String deployment,
                          FreshCopies stateCopies) {
        CachedObjects<Deployment> deployments = cache.open(CachedKind.DEPLOYMENTS, namespace);
        CachedObjects<Pod> pods = null;
        try {
            pods = cache.open(CachedKind.TRACK_PODS, namespace);
            CachedObjects<ConfigMap> states = cache.open(CachedKind.RELEASE_STATES, namespace);
            DriveView view = new DriveView(namespace, deployment, deployments, pods, states, stateCopies);
            if (!states.listedNow()) {
                view.readState(client);
            }
            return view;
        } catch (RuntimeException e) {
            deployments.close();
            if (pods != null) {
                pods.close();
            }
            throw e;
        }
    }

    private void readState(KubernetesClient client) {
        ConfigMap now = client.configMaps().inNamespace(namespace).withName(stateName).get();
        ConfigMap cached = stateMaps.get(stateName);
        if (now != null) {
            states.wrote(now);
        } else if (cached != null) {
            states.deleted(cached);
        }
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
        return workloads.newest("Deployment", namespace, name, deployments.get(name));
    }

    ConfigMap stateMap() {
        return states.newest("ConfigMap", namespace, stateName, stateMaps.get(stateName));
    }

    /** The pods of {@code track} in this workload's release {@code release}. */
    List<Pod> pods(String track, int release) {
        return ReleasePods.of(pods.list(), workload, track, release);
    }

    /** Remembers what a write of ours returned, until the watch shows it. */
    <T extends HasMetadata> T wrote(T object) {
        if (object != null) {
            copiesOf(object).wrote(object);
            wake();
        }
        return object;
    }

    /** Remembers that we deleted {@code object}, until the watch shows it gone. */
    void deleted(HasMetadata object) {
        copiesOf(object).deleted(object);
        wake();
    }

    private FreshCopies copiesOf(HasMetadata object) {
        return object instanceof ConfigMap ? states : workloads;
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
        stateMaps.close();
    }
}
