package dev.coalmine.demo.sim;

import dev.coalmine.demo.sim.EventRecorder.Source;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;

/** Sets a ReplicaSet's replicas on behalf of its Deployment and tells the story in a ScalingReplicaSet event. */
final class ReplicaSetScaler {
    private final ClusterWriter writer;
    private final EventRecorder events;

    ReplicaSetScaler(ClusterWriter writer, EventRecorder events) {
        this.writer = writer;
        this.events = events;
    }

    ReplicaSet scale(Deployment deployment, ReplicaSet rs, int replicas, ClusterSnapshot snapshot) {
        int from = RolloutStrategy.specReplicas(rs);
        if (from == replicas) {
            return rs;
        }
        ReplicaSet scaled = writer.mergePatch(rs, Map.of(
                "metadata", Map.of("annotations", replicaAnnotations(deployment)),
                "spec", Map.of("replicas", replicas)));
        snapshot.put(scaled);
        events.normal(deployment, Source.DEPLOYMENT_CONTROLLER, "ScalingReplicaSet",
                "Scaled " + (replicas > from ? "up" : "down") + " replica set " + rs.getMetadata().getName()
                        + " from " + from + " to " + replicas);
        return scaled;
    }

    static Map<String, String> replicaAnnotations(Deployment deployment) {
        int desired = RolloutMath.desiredReplicas(deployment);
        return Map.of(DeploymentController.DESIRED_REPLICAS, String.valueOf(desired),
                DeploymentController.MAX_REPLICAS, String.valueOf(desired + RolloutMath.fenceposts(deployment).maxSurge()));
    }
}
