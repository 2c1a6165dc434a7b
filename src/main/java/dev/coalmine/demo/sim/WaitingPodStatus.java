package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.List;

/** The status of a bound pod whose kubelet cannot start it yet (its volumes cannot be set up): no sandbox, no IP. */
final class WaitingPodStatus {
    private WaitingPodStatus() {
    }

    static PodStatus of(Pod pod, String hostIP, Instant boundAt) {
        String bound = Timestamps.format(boundAt);
        List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
        boolean initialized = inits.isEmpty();
        String appReason = initialized ? "ContainerCreating" : "PodInitializing";
        return new PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(condition("Initialized", initialized ? "True" : "False", bound,
                                initialized ? null : "ContainersNotInitialized"),
                        condition("Ready", "False", bound, "ContainersNotReady"),
                        condition("ContainersReady", "False", bound, "ContainersNotReady"),
                        condition("PodScheduled", "True", bound, null))
                .withHostIP(hostIP).withHostIPs(new HostIP(hostIP))
                .withStartTime(bound)
                .withInitContainerStatuses(inits.stream().map(c -> container(c, "PodInitializing")).toList())
                .withContainerStatuses(pod.getSpec().getContainers().stream().map(c -> container(c, appReason)).toList())
                .build();
    }

    /** A container that has not been started, waiting for {@code reason}. */
    static ContainerStatus container(Container spec, String reason) {
        return new ContainerStatusBuilder().withName(spec.getName()).withImage(spec.getImage()).withImageID("")
                .withReady(false).withStarted(false).withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build();
    }

    private static PodCondition condition(String type, String status, String since, String reason) {
        return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(since)
                .withReason(reason).build();
    }
}
