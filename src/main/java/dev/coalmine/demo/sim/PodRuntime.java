package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A pod as its kubelet runs it: its containers' state machines and the pod status they add up to. */
final class PodRuntime {
    private final String nodeName;
    private final String hostIP;
    private final String podIP;
    private final Instant boundAt;
    private final List<ContainerRuntime> containers = new ArrayList<>();
    private final boolean burstable;
    private boolean ready;
    private Instant readyChangedAt;

    PodRuntime(Pod pod, String hostIP, String podIP, SimulationSettings settings, Instant boundAt,
               ContainerEvents events) {
        this.nodeName = pod.getSpec().getNodeName();
        this.hostIP = hostIP;
        this.podIP = podIP;
        this.boundAt = boundAt;
        this.readyChangedAt = boundAt;
        String podRef = pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace()
                + "(" + pod.getMetadata().getUid() + ")";
        for (Container container : pod.getSpec().getContainers()) {
            containers.add(new ContainerRuntime(container, podRef, settings, boundAt, events.of(container.getName())));
        }
        this.burstable = pod.getSpec().getContainers().stream().anyMatch(c -> c.getResources() != null
                && ((c.getResources().getRequests() != null && !c.getResources().getRequests().isEmpty())
                || (c.getResources().getLimits() != null && !c.getResources().getLimits().isEmpty())));
    }

    /** Per-container event sinks. */
    interface ContainerEvents {
        ContainerRuntime.Events of(String containerName);
    }

    String nodeName() {
        return nodeName;
    }

    List<String> containerNames() {
        return containers.stream().map(ContainerRuntime::name).toList();
    }

    void advance(Instant now, ContainerEvents events) {
        for (ContainerRuntime container : containers) {
            container.advance(now, events.of(container.name()));
        }
        boolean nowReady = containers.stream().allMatch(c -> c.isReady(now));
        if (nowReady != ready) {
            ready = nowReady;
            readyChangedAt = nowReady ? containers.stream().map(ContainerRuntime::readySince)
                    .filter(Objects::nonNull).max(Instant::compareTo).orElse(now) : now;
        }
    }

    PodStatus status(Instant now) {
        String bound = Timestamps.format(boundAt);
        String readyStatus = ready ? "True" : "False";
        String readyAt = Timestamps.format(readyChangedAt);
        List<PodCondition> conditions = List.of(
                condition("Initialized", "True", bound, null),
                condition("Ready", readyStatus, readyAt, ready ? null : "ContainersNotReady"),
                condition("ContainersReady", readyStatus, readyAt, ready ? null : "ContainersNotReady"),
                condition("PodScheduled", "True", bound, null));
        boolean running = containers.stream().allMatch(ContainerRuntime::hasStarted);
        return new PodStatusBuilder()
                .withPhase(running ? "Running" : "Pending")
                .withConditions(conditions)
                .withHostIP(hostIP).withHostIPs(new HostIP(hostIP))
                .withPodIP(podIP).withPodIPs(new PodIP(podIP))
                .withStartTime(bound)
                .withQosClass(burstable ? "Burstable" : "BestEffort")
                .withContainerStatuses(containers.stream().map(c -> c.status(now)).toList())
                .build();
    }

    private static PodCondition condition(String type, String status, String since, String reason) {
        return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(since)
                .withReason(reason).build();
    }
}
