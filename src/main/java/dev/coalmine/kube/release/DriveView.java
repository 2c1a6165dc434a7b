package dev.coalmine.kube.release;

import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;

/**
 * What one drive of a release looks at, kept current by the connection's shared cache instead of polling: the
 * namespace's Deployments, its pods (those Coalmine labelled with a track are the release's) and the release-state
 * ConfigMaps (one LIST and one WATCH each per namespace, shared with every other user in this process). Every change
 * wakes the driver ({@link #awaitChange}). What this process itself wrote ({@link OwnWrites}) counts until the watch
 * brings it (or something newer), so the next look never shows the cluster as it was before our own write. A start
 * and a decision read through it too, so the drive after them lists nothing again.
 */
final class DriveView implements AutoCloseable {
    private final String namespace;
    private final String stateName;
    private final String workload;
    private final CachedObjects<Deployment> deployments;
    private final CachedObjects<Pod> pods;
    private final CachedObjects<ConfigMap> states;
    private final OwnWrites own;
    private final Object signal = new Object();
    private long changes;

    private DriveView(String namespace, String deployment, CachedObjects<Deployment> deployments,
                      CachedObjects<Pod> pods, CachedObjects<ConfigMap> states, OwnWrites own) {
        this.namespace = namespace;
        this.workload = deployment;
        this.stateName = ReleaseNames.stateConfigMap(deployment);
        this.deployments = deployments;
        this.pods = pods;
        this.states = states;
        this.own = own;
        deployments.onAnyChange(this::wake);
        pods.onAnyChange(this::wake);
        states.onAnyChange(this::wake);
    }

    /** Joins (or starts) the shared watches; blocks until all three caches are filled. */
    static DriveView open(ClusterCache cache, String namespace, String deployment, OwnWrites own) {
        CachedObjects<Deployment> deployments = cache.open(CachedKind.DEPLOYMENTS, namespace);
        CachedObjects<Pod> pods = null;
        try {
            pods = cache.open(CachedKind.TRACK_PODS, namespace);
            return new DriveView(namespace, deployment, deployments, pods,
                    cache.open(CachedKind.RELEASE_STATES, namespace), own);
        } catch (RuntimeException e) {
            deployments.close();
            if (pods != null) {
                pods.close();
            }
            throw e;
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
        return own.newest("Deployment", namespace, name, deployments.get(name));
    }

    ConfigMap stateMap() {
        return own.newest("ConfigMap", namespace, stateName, states.get(stateName));
    }

    /** The pods of {@code track} in this workload's release {@code release}. */
    List<Pod> pods(String track, int release) {
        return ReleasePods.of(pods.list(), workload, track, release);
    }

    /** Remembers what a write of ours returned, until the watch shows it. */
    <T extends HasMetadata> T wrote(T object) {
        if (object != null) {
            own.wrote(object);
            wake();
        }
        return object;
    }

    /** Remembers that we deleted {@code object}, until the watch shows it gone. */
    void deleted(HasMetadata object) {
        own.deleted(object);
        wake();
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
        states.close();
    }
}
