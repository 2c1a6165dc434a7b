package dev.coalmine.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Readies the fabric8 model and Jackson's view of the kinds a CLI call reads first, on a thread of its own, while the
 * call builds its command tree, reads the kubeconfig and connects. Done on the call's own path, the first read of a
 * Deployment spent 0.2–0.6 s on it (loading and reflecting over the whole pod template's classes); the second core
 * does it meanwhile (src/site/benchmarks.md, cli-status).
 */
public final class ModelWarmUp {
    private static final List<Class<?>> READ_FIRST = List.of(Deployment.class, ConfigMap.class, Lease.class,
            Status.class);

    private ModelWarmUp() {
    }

    /** Starts it and returns at once; the thread ends by itself and never keeps the JVM alive. */
    public static void start() {
        Thread thread = new Thread(ModelWarmUp::run, "coalmine-model-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        try {
            for (Class<?> kind : READ_FIRST) {
                serialization.unmarshal("{}", kind);
            }
        } catch (RuntimeException ignored) {
            // Only a head start: a failure here leaves the call's own reads to do the same work, as before.
        }
    }
}
