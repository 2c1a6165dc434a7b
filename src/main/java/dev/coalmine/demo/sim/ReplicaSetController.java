package dev.coalmine.demo.sim;

import dev.coalmine.demo.sim.EventRecorder.Source;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The replicaset controller: keeps as many owned pods as spec.replicas asks for, and writes RS status. */
final class ReplicaSetController {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSetController.class);
    private static final String REPLICA_FAILURE = "ReplicaFailure";
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ClusterWriter writer;
    private final EventRecorder events;
    private final RandomGenerator random;
    private final RetryBackOff creations;

    ReplicaSetController(ClusterWriter writer, EventRecorder events, RandomGenerator random,
            SimulationSettings settings) {
        this.writer = writer;
        this.events = events;
        this.random = random;
        this.creations = new RetryBackOff(settings);
    }

    void reconcile(ClusterSnapshot snapshot) {
        for (ReplicaSet rs : snapshot.replicaSets()) {
            if (rs.getMetadata().getDeletionTimestamp() != null || rs.getSpec() == null) {
                continue;
            }
            try {
                reconcile(rs, snapshot);
            } catch (RuntimeException e) {
                LOG.debug("replicaset {}/{}: {}", rs.getMetadata().getNamespace(), rs.getMetadata().getName(), e.toString());
            }
        }
    }

    private void reconcile(ReplicaSet rs, ClusterSnapshot snapshot) {
        List<Pod> pods = new ArrayList<>(snapshot.podsOf(rs).stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList());
        int diff = RolloutStrategy.specReplicas(rs) - pods.size();
        Optional<String> refused = diff > 0 ? missingServiceAccount(rs, snapshot) : Optional.empty();
        if (refused.isPresent()) {
            diff = 0;
        }
        for (int i = 0; i < diff; i++) {
            Pod pod = writer.create(newPod(rs));
            snapshot.put(pod);
            pods.add(pod);
            events.normal(rs, Source.REPLICASET_CONTROLLER, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
        }
        if (diff < 0) {
            pods.sort(PodReadiness.DELETION_ORDER);
            for (Pod pod : List.copyOf(pods.subList(0, -diff))) {
                writer.delete(pod);
                snapshot.remove(pod);
                pods.remove(pod);
                events.normal(rs, Source.REPLICASET_CONTROLLER, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
            }
        }
        ReplicaSetStatus status = status(rs, pods, snapshot, refused);
        if (!status.equals(rs.getStatus())) {
            rs.setStatus(status);
            snapshot.put(writer.writeStatus(rs));
        }
    }

    /**
     * The ServiceAccount admission check a pod creation passes on a real API server: a pod whose account does
     * not exist is refused, and the controller reports it and retries with a back-off. Empty when pods may be created.
     */
    private Optional<String> missingServiceAccount(ReplicaSet rs, ClusterSnapshot snapshot) {
        String uid = rs.getMetadata().getUid();
        String namespace = rs.getMetadata().getNamespace();
        var spec = rs.getSpec().getTemplate().getSpec();
        String account = spec.getServiceAccountName() != null ? spec.getServiceAccountName()
                : spec.getServiceAccount() != null ? spec.getServiceAccount() : "default";
        if (snapshot.dependencies().hasServiceAccount(namespace, account)) {
            creations.reset(uid);
            return Optional.empty();
        }
        String message = "pods \"" + rs.getMetadata().getName() + "-\" is forbidden: error looking up service account "
                + namespace + "/" + account + ": serviceaccount \"" + account + "\" not found";
        if (creations.due(uid, snapshot.now())) {
            events.warning(rs, Source.REPLICASET_CONTROLLER, "FailedCreate", "Error creating: " + message);
            creations.failed(uid, snapshot.now());
        }
        return Optional.of(message);
    }

    private ReplicaSetStatus status(ReplicaSet rs, List<Pod> pods, ClusterSnapshot snapshot, Optional<String> refused) {
        Map<String, String> templateLabels = rs.getSpec().getTemplate().getMetadata().getLabels();
        int minReady = rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
        long labeled = pods.stream().filter(p -> labelsContain(p.getMetadata().getLabels(), templateLabels)).count();
        long ready = pods.stream().filter(PodReadiness::isReady).count();
        long available = pods.stream().filter(p -> PodReadiness.isAvailable(p, minReady, snapshot.now())).count();
        return new ReplicaSetStatusBuilder()
                .withReplicas(pods.size())
                .withFullyLabeledReplicas(omitZero(labeled))
                .withReadyReplicas(omitZero(ready))
                .withAvailableReplicas(omitZero(available))
                .withObservedGeneration(rs.getMetadata().getGeneration())
                .withConditions(conditions(rs, refused, snapshot))
                .build();
    }

    /** The condition ReplicaFailure (FailedCreate) while pods cannot be created, kept with its first time. */
    private static List<ReplicaSetCondition> conditions(ReplicaSet rs, Optional<String> refused, ClusterSnapshot snapshot) {
        List<ReplicaSetCondition> previous = rs.getStatus() == null || rs.getStatus().getConditions() == null
                ? List.of() : rs.getStatus().getConditions();
        List<ReplicaSetCondition> out = new ArrayList<>(previous.stream()
                .filter(c -> !c.getType().equals(REPLICA_FAILURE)).toList());
        refused.ifPresent(message -> out.add(new ReplicaSetConditionBuilder().withType(REPLICA_FAILURE)
                .withStatus("True").withReason("FailedCreate").withMessage(message)
                .withLastTransitionTime(previous.stream().filter(c -> c.getType().equals(REPLICA_FAILURE))
                        .map(ReplicaSetCondition::getLastTransitionTime).findFirst()
                        .orElse(Timestamps.format(snapshot.now()))).build()));
        return out;
    }

    private Pod newPod(ReplicaSet rs) {
        var template = rs.getSpec().getTemplate();
        return new PodBuilder()
                .withNewMetadata()
                .withName(rs.getMetadata().getName() + "-" + randomSuffix())
                .withGenerateName(rs.getMetadata().getName() + "-")
                .withNamespace(rs.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels())
                .withAnnotations(template.getMetadata().getAnnotations())
                .withOwnerReferences(Owners.controllerReference(rs))
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static boolean labelsContain(Map<String, String> labels, Map<String, String> wanted) {
        return wanted == null || (labels != null && labels.entrySet().containsAll(wanted.entrySet()));
    }

    private static Integer omitZero(long i) {
        return i == 0 ? null : (int) i;
    }
}
