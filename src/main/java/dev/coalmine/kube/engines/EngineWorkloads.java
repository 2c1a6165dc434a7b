package dev.coalmine.kube.engines;

import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.workload.EngineStatus;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.argo.RolloutReader;
import dev.coalmine.kube.flagger.CanaryReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/** A Rollout or a Canary as a row of the workload list: its replicas (a Canary has none of its own), phase and weight. */
public final class EngineWorkloads {
    private EngineWorkloads() {
    }

    public static WorkloadSummary rollout(GenericKubernetesResource resource) {
        ArgoRollout r = RolloutReader.rollout(resource);
        ArgoRollout.Replicas n = r.replicas();
        List<WorkloadSummary.ContainerImage> images = ResourceJson.tree(resource).path("spec").path("template")
                .path("spec").path("containers").findValuesAsText("image").stream()
                .map(image -> new WorkloadSummary.ContainerImage("", image)).toList();
        return new WorkloadSummary(r.namespace(), r.name(), n.desired(), n.ready(), n.updated(), n.available(),
                images, Optional.empty(), 0, 0, n.current(),
                Optional.of(new EngineStatus(EngineStatus.Kind.ROLLOUT, r.phase(), r.canaryWeight())));
    }

    public static WorkloadSummary canary(GenericKubernetesResource resource) {
        FlaggerCanary c = CanaryReader.canary(resource);
        return new WorkloadSummary(c.namespace(), c.name(), 0, 0, 0, 0, List.of(), Optional.empty(), 0, 0, 0,
                Optional.of(new EngineStatus(EngineStatus.Kind.CANARY, c.phase(), c.canaryWeight())));
    }
}
