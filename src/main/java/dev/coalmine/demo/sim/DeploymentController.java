package dev.coalmine.demo.sim;

import dev.coalmine.demo.sim.EventRecorder.Source;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment controller: one new ReplicaSet per pod template, rolled out with RollingUpdate or
 * Recreate, old ReplicaSets kept at zero replicas, revisions numbered, status written.
 */
final class DeploymentController {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    private static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    private static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentController.class);

    private final ClusterWriter writer;
    private final EventRecorder events;
    private final PodTemplateHasher hasher = new PodTemplateHasher();
    private final ReplicaSetScaler scaler;
    private final DeploymentStatusCalculator statusCalculator = new DeploymentStatusCalculator();

    DeploymentController(ClusterWriter writer, EventRecorder events) {
        this.writer = writer;
        this.events = events;
        this.scaler = new ReplicaSetScaler(writer, events);
    }

    void reconcile(ClusterSnapshot snapshot) {
        for (Deployment deployment : snapshot.deployments()) {
            if (deployment.getMetadata().getDeletionTimestamp() != null || deployment.getSpec() == null) {
                continue;
            }
            try {
                reconcile(deployment, snapshot);
            } catch (RuntimeException e) {
                LOG.debug("deployment {}/{}: {}", deployment.getMetadata().getNamespace(),
                        deployment.getMetadata().getName(), e.toString());
            }
        }
    }

    private void reconcile(Deployment deployment, ClusterSnapshot snapshot) {
        List<ReplicaSet> owned = new ArrayList<>(snapshot.replicaSetsOf(deployment));
        owned.sort(Comparator.comparing((ReplicaSet rs) -> rs.getMetadata().getCreationTimestamp(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(rs -> rs.getMetadata().getName()));
        PodTemplateSpec wanted = deployment.getSpec().getTemplate();
        String wantedHash = hasher.hash(wanted);
        ReplicaSet newRs = owned.stream().filter(rs -> isCurrent(rs, wanted, wantedHash)).findFirst().orElse(null);
        List<ReplicaSet> old = new ArrayList<>(owned);
        old.remove(newRs);
        int revision = old.stream().mapToInt(DeploymentController::revisionOf).max().orElse(0) + 1;
        boolean created = false;
        if (newRs != null && revisionOf(newRs) < revision) {
            newRs = writer.mergePatch(newRs, Map.of("metadata", Map.of("annotations", revisionAnnotations(deployment, revision))));
            snapshot.put(newRs);
        }
        if (!Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            RolloutStrategy strategy = RolloutMath.isRecreate(deployment)
                    ? new RecreateStrategy(scaler) : new RollingUpdateStrategy(scaler);
            RolloutStrategy.Step step = strategy.roll(deployment, newRs, old, snapshot);
            if (newRs == null && step.newReplicas() != null) {
                newRs = createReplicaSet(deployment, step.newReplicas(), revision);
                snapshot.put(newRs);
                created = true;
            }
        }
        String newName = newRs == null ? null : newRs.getMetadata().getName();
        List<ReplicaSet> all = new ArrayList<>(snapshot.replicaSetsOf(deployment));
        newRs = all.stream().filter(rs -> rs.getMetadata().getName().equals(newName)).findFirst().orElse(null);
        if (newRs != null) {
            String current = deployment.getMetadata().getAnnotations() == null ? null
                    : deployment.getMetadata().getAnnotations().get(REVISION);
            if (!String.valueOf(revisionOf(newRs)).equals(current)) {
                deployment = writer.mergePatch(deployment,
                        Map.of("metadata", Map.of("annotations", Map.of(REVISION, String.valueOf(revisionOf(newRs))))));
            }
        }
        pruneHistory(deployment, newRs, all, snapshot);
        var status = statusCalculator.calculate(deployment, newRs, all, created, snapshot.now());
        if (!status.equals(deployment.getStatus())) {
            deployment.setStatus(status);
            writer.writeStatus(deployment);
        }
    }

    /** Deletes the oldest idle ReplicaSets beyond spec.revisionHistoryLimit (default 10), as the controller does. */
    private void pruneHistory(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> all, ClusterSnapshot snapshot) {
        Integer limit = deployment.getSpec().getRevisionHistoryLimit();
        List<ReplicaSet> idle = all.stream()
                .filter(rs -> rs != newRs && RolloutStrategy.specReplicas(rs) == 0)
                .filter(rs -> rs.getStatus() == null || rs.getStatus().getReplicas() == null || rs.getStatus().getReplicas() == 0)
                .sorted(Comparator.comparingInt(DeploymentController::revisionOf))
                .toList();
        int excess = idle.size() - (limit == null ? DEFAULT_REVISION_HISTORY_LIMIT : limit);
        for (int i = 0; i < excess; i++) {
            writer.delete(idle.get(i));
            snapshot.remove(idle.get(i));
            all.remove(idle.get(i));
        }
    }

    private boolean isCurrent(ReplicaSet rs, PodTemplateSpec wanted, String wantedHash) {
        PodTemplateSpec template = rs.getSpec().getTemplate();
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        String hash = labels == null ? null : labels.get(PodTemplateHasher.HASH_LABEL);
        return wantedHash.equals(hash) || hasher.equalIgnoringHash(template, wanted);
    }

    private ReplicaSet createReplicaSet(Deployment deployment, int replicas, int revision) {
        String hash = hasher.hash(deployment.getSpec().getTemplate());
        String name = deployment.getMetadata().getName() + "-" + hash;
        PodTemplateSpec template = new PodTemplateSpecBuilder(deployment.getSpec().getTemplate())
                .editOrNewMetadata().addToLabels(PodTemplateHasher.HASH_LABEL, hash).endMetadata().build();
        LabelSelector selector = new LabelSelectorBuilder(deployment.getSpec().getSelector())
                .addToMatchLabels(PodTemplateHasher.HASH_LABEL, hash).build();
        Map<String, String> annotations = new HashMap<>(revisionAnnotations(deployment, revision));
        annotations.putAll(ReplicaSetScaler.replicaAnnotations(deployment));
        ReplicaSet rs = writer.create(new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name).withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels())
                .withAnnotations(annotations)
                .withOwnerReferences(Owners.controllerReference(deployment))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas).withMinReadySeconds(deployment.getSpec().getMinReadySeconds())
                .withSelector(selector).withTemplate(template)
                .endSpec()
                .build());
        if (replicas > 0) {
            events.normal(deployment, Source.DEPLOYMENT_CONTROLLER, "ScalingReplicaSet",
                    "Scaled up replica set " + name + " from 0 to " + replicas);
        }
        return rs;
    }

    private static Map<String, String> revisionAnnotations(Deployment deployment, int revision) {
        Map<String, String> annotations = new HashMap<>();
        annotations.put(REVISION, String.valueOf(revision));
        Map<String, String> own = deployment.getMetadata().getAnnotations();
        if (own != null && own.containsKey(CHANGE_CAUSE)) {
            annotations.put(CHANGE_CAUSE, own.get(CHANGE_CAUSE));
        }
        return annotations;
    }

    static int revisionOf(ReplicaSet rs) {
        Map<String, String> annotations = rs.getMetadata().getAnnotations();
        try {
            return annotations == null ? 0 : Integer.parseInt(annotations.getOrDefault(REVISION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
