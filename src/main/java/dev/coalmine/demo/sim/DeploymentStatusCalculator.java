package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Deployment status and its Available/Progressing conditions, computed as kube-controller-manager does. */
final class DeploymentStatusCalculator {
    private static final String AVAILABLE = "Available";
    private static final String PROGRESSING = "Progressing";
    private static final String AVAILABLE_REASON = "NewReplicaSetAvailable";
    private static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";
    private static final int DEFAULT_DEADLINE_SECONDS = 600;

    DeploymentStatus calculate(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> all, boolean created, Instant now) {
        DeploymentStatus old = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        int desired = RolloutMath.desiredReplicas(deployment);
        int available = sum(all, ReplicaSetStatus::getAvailableReplicas);
        int updated = newRs == null ? 0 : sum(List.of(newRs), ReplicaSetStatus::getReplicas);
        int replicas = sum(all, ReplicaSetStatus::getReplicas);
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(omitZero(replicas))
                .withUpdatedReplicas(omitZero(updated))
                .withReadyReplicas(omitZero(sum(all, ReplicaSetStatus::getReadyReplicas)))
                .withAvailableReplicas(omitZero(available))
                .withUnavailableReplicas(omitZero(Math.max(RolloutStrategy.sumSpec(all) - available, 0)))
                .withCollisionCount(old.getCollisionCount())
                .build();
        List<DeploymentCondition> conditions = new ArrayList<>(old.getConditions() == null ? List.of() : old.getConditions());
        String ts = Timestamps.format(now);
        boolean minimumAvailable = available >= desired - RolloutMath.fenceposts(deployment).maxUnavailable();
        set(conditions, minimumAvailable
                ? condition(AVAILABLE, "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", ts)
                : condition(AVAILABLE, "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", ts));
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            set(conditions, condition(PROGRESSING, "Unknown", "DeploymentPaused", "Deployment is paused", ts));
        } else {
            progress(deployment, newRs, created, old, status, conditions, ts, now);
        }
        status.setConditions(conditions);
        return status;
    }

    private void progress(Deployment deployment, ReplicaSet newRs, boolean created, DeploymentStatus old,
                          DeploymentStatus status, List<DeploymentCondition> conditions, String ts, Instant now) {
        DeploymentCondition current = find(conditions, PROGRESSING);
        if (newRs == null) {
            return;
        }
        String rsName = newRs.getMetadata().getName();
        if (created) {
            replace(conditions, condition(PROGRESSING, "True", "NewReplicaSetCreated", "Created new replica set \"" + rsName + "\"", ts));
            return;
        }
        if (current == null || "DeploymentPaused".equals(current.getReason())) {
            String reason = current == null ? "FoundNewReplicaSet" : "DeploymentResumed";
            String message = current == null ? "Found new replica set \"" + rsName + "\"" : "Deployment is resumed";
            replace(conditions, condition(PROGRESSING, current == null ? "True" : "Unknown", reason, message, ts));
            current = find(conditions, PROGRESSING);
        }
        int desired = RolloutMath.desiredReplicas(deployment);
        if (complete(status, desired)) {
            if (!AVAILABLE_REASON.equals(current.getReason())) {
                replace(conditions, condition(PROGRESSING, "True", AVAILABLE_REASON,
                        "ReplicaSet \"" + rsName + "\" has successfully progressed.", ts));
            }
        } else if (progressed(old, status)) {
            replace(conditions, condition(PROGRESSING, "True", "ReplicaSetUpdated",
                    "ReplicaSet \"" + rsName + "\" is progressing.", ts));
        } else if (timedOut(deployment, current, now) && !TIMED_OUT_REASON.equals(current.getReason())) {
            replace(conditions, condition(PROGRESSING, "False", TIMED_OUT_REASON,
                    "ReplicaSet \"" + rsName + "\" has timed out progressing.", ts));
        }
    }

    private static boolean complete(DeploymentStatus status, int desired) {
        return value(status.getUpdatedReplicas()) == desired && value(status.getReplicas()) == desired
                && value(status.getAvailableReplicas()) == desired;
    }

    private static boolean progressed(DeploymentStatus old, DeploymentStatus now) {
        int oldOld = value(old.getReplicas()) - value(old.getUpdatedReplicas());
        int nowOld = value(now.getReplicas()) - value(now.getUpdatedReplicas());
        return value(now.getUpdatedReplicas()) > value(old.getUpdatedReplicas())
                || value(now.getReadyReplicas()) > value(old.getReadyReplicas())
                || value(now.getAvailableReplicas()) > value(old.getAvailableReplicas())
                || nowOld < oldOld;
    }

    private static boolean timedOut(Deployment deployment, DeploymentCondition progressing, Instant now) {
        if (AVAILABLE_REASON.equals(progressing.getReason()) || progressing.getLastUpdateTime() == null) {
            return false;
        }
        Integer deadline = deployment.getSpec().getProgressDeadlineSeconds();
        Instant from = Timestamps.parse(progressing.getLastUpdateTime());
        return from.plus(Duration.ofSeconds(deadline == null ? DEFAULT_DEADLINE_SECONDS : deadline)).isBefore(now);
    }

    /** Like SetDeploymentCondition: an unchanged status and reason keeps the existing condition untouched. */
    private static void set(List<DeploymentCondition> conditions, DeploymentCondition next) {
        DeploymentCondition current = find(conditions, next.getType());
        if (current != null && Objects.equals(current.getStatus(), next.getStatus())
                && Objects.equals(current.getReason(), next.getReason())) {
            return;
        }
        replace(conditions, next);
    }

    private static void replace(List<DeploymentCondition> conditions, DeploymentCondition next) {
        DeploymentCondition current = find(conditions, next.getType());
        if (current != null && Objects.equals(current.getStatus(), next.getStatus())) {
            next.setLastTransitionTime(current.getLastTransitionTime());
        }
        int index = current == null ? conditions.size() : conditions.indexOf(current);
        conditions.remove(current);
        conditions.add(index, next);
    }

    private static DeploymentCondition condition(String type, String status, String reason, String message, String ts) {
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message).withLastUpdateTime(ts).withLastTransitionTime(ts).build();
    }

    private static DeploymentCondition find(List<DeploymentCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static int sum(List<ReplicaSet> replicaSets, Function<ReplicaSetStatus, Integer> field) {
        return replicaSets.stream().map(ReplicaSet::getStatus).filter(Objects::nonNull)
                .map(field).mapToInt(DeploymentStatusCalculator::value).sum();
    }

    private static int value(Integer i) {
        return i == null ? 0 : i;
    }

    private static Integer omitZero(int i) {
        return i == 0 ? null : i;
    }
}
