package dev.coalmine.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;

/** Waits until a Deployment is rolled out and the simulated controllers have stopped writing its status. */
final class Settled {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Duration QUIET = Duration.ofMillis(600);

    private Settled() {
    }

    static void await(KubernetesClient client, String namespace, String name) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String quietVersion = null;
        long quietSince = 0;
        while (System.nanoTime() < deadline) {
            Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
            if (d != null && rolledOut(d)) {
                String version = d.getMetadata().getResourceVersion();
                if (!version.equals(quietVersion)) {
                    quietVersion = version;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                    return;
                }
            } else {
                quietVersion = null;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Deployment " + namespace + "/" + name + " did not settle in " + LIMIT);
    }

    static boolean rolledOut(Deployment d) {
        DeploymentStatus s = d.getStatus();
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return s != null && Objects.equals(s.getObservedGeneration(), d.getMetadata().getGeneration())
                && Objects.equals(s.getUpdatedReplicas(), desired) && Objects.equals(s.getReplicas(), desired)
                && Objects.equals(s.getAvailableReplicas(), desired);
    }
}
