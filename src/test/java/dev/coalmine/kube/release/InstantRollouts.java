package dev.coalmine.kube.release;

import dev.coalmine.demo.DemoComponent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the deployment controller where no simulation runs: sets each Deployment's status as if its
 * pods were ready as soon as the spec is seen. An image containing "does-not-exist" never becomes ready and
 * reports ProgressDeadlineExceeded; with {@link #failStableRollouts()} a pod template labelled
 * {@code coalmine.dev/track=stable} (a promotion) does the same.
 */
public final class InstantRollouts implements DemoComponent {
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-instant-rollouts");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failStableRollouts;

    public void failStableRollouts() {
        failStableRollouts = true;
    }

    @Override
    public void start(KubernetesClient client) {
        loop.scheduleWithFixedDelay(() -> reconcile(client), 0, 40, TimeUnit.MILLISECONDS);
    }

    private void reconcile(KubernetesClient client) {
        try {
            for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
                DeploymentStatus wanted = statusFor(d);
                if (!Objects.equals(wanted, d.getStatus())) {
                    d.setStatus(wanted);
                    client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
                }
            }
        } catch (RuntimeException e) {
            // the next round sees the newest objects
        }
    }

    private DeploymentStatus statusFor(Deployment d) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
        boolean broken = d.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(c -> c.getImage().contains("does-not-exist"))
                || failStableRollouts && "stable".equals(d.getSpec().getTemplate().getMetadata().getLabels()
                        .get("coalmine.dev/track"));
        if (broken) {
            DeploymentCondition stuck = new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                    .withReason("ProgressDeadlineExceeded")
                    .withMessage("ReplicaSet has timed out progressing (ImagePullBackOff)").build();
            return new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                    .withUpdatedReplicas(replicas).withReadyReplicas(0).withAvailableReplicas(0)
                    .withUnavailableReplicas(replicas).withConditions(List.of(stuck)).build();
        }
        return new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas).build();
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
