package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
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

/**
 * A pod as its kubelet runs it: its init containers one after the other, then its containers, each a state
 * machine, and the pod status they add up to.
 */
final class PodRuntime {
    private final String nodeName;
    private final String hostIP;
    private final String podIP;
    private final Instant boundAt;
    private final String podRef;
    private final SimulationSettings settings;
    private final List<Container> initSpecs;
    private final List<Container> appSpecs;
    private final List<ContainerRuntime> inits = new ArrayList<>();
    private final List<ContainerRuntime> containers = new ArrayList<>();
    private final boolean burstable;
    private Instant initializedAt;
    private boolean ready;
    private Instant readyChangedAt;

    PodRuntime(Pod pod, String hostIP, String podIP, SimulationSettings settings, Instant boundAt,
               ContainerEvents events) {
        this.nodeName = pod.getSpec().getNodeName();
        this.hostIP = hostIP;
        this.podIP = podIP;
        this.boundAt = boundAt;
        this.readyChangedAt = boundAt;
        this.podRef = pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace()
                + "(" + pod.getMetadata().getUid() + ")";
        this.settings = settings;
        this.initSpecs = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
        this.appSpecs = pod.getSpec().getContainers();
        startNext(boundAt, events);
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

    /** Starts the next init container, or all containers once every init container has completed. */
    private void startNext(Instant at, ContainerEvents events) {
        if (inits.size() < initSpecs.size()) {
            Container next = initSpecs.get(inits.size());
            inits.add(new ContainerRuntime(next, true, podRef, settings, at, events.of(next.getName())));
            return;
        }
        initializedAt = at;
        for (Container container : appSpecs) {
            containers.add(new ContainerRuntime(container, false, podRef, settings, at, events.of(container.getName())));
        }
    }

    void advance(Instant now, ContainerEvents events) {
        while (initializedAt == null) {
            ContainerRuntime current = inits.get(inits.size() - 1);
            current.advance(now, events.of(current.name()));
            if (!current.isCompleted()) {
                break;
            }
            startNext(current.completedAt(), events);
        }
        for (ContainerRuntime container : containers) {
            container.advance(now, events.of(container.name()));
        }
        boolean nowReady = initializedAt != null && containers.stream().allMatch(c -> c.isReady(now));
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
        List<PodCondition> conditions = List.of(initialized(bound),
                condition("Ready", readyStatus, readyAt, ready ? null : "ContainersNotReady"),
                condition("ContainersReady", readyStatus, readyAt, ready ? null : "ContainersNotReady"),
                condition("PodScheduled", "True", bound, null));
        boolean running = initializedAt != null && containers.stream().allMatch(ContainerRuntime::hasStarted);
        return new PodStatusBuilder()
                .withPhase(running ? "Running" : "Pending")
                .withConditions(conditions)
                .withHostIP(hostIP).withHostIPs(new HostIP(hostIP))
                .withPodIP(podIP).withPodIPs(new PodIP(podIP))
                .withStartTime(bound)
                .withQosClass(burstable ? "Burstable" : "BestEffort")
                .withInitContainerStatuses(statuses(initSpecs, inits, now))
                .withContainerStatuses(statuses(appSpecs, containers, now))
                .build();
    }

    private PodCondition initialized(String bound) {
        if (initializedAt != null) {
            return condition("Initialized", "True", initSpecs.isEmpty() ? bound : Timestamps.format(initializedAt), null);
        }
        List<String> incomplete = initSpecs.stream().map(Container::getName)
                .skip(inits.size() - 1L).toList();
        PodCondition waiting = condition("Initialized", "False", bound, "ContainersNotInitialized");
        waiting.setMessage("containers with incomplete status: " + incomplete);
        return waiting;
    }

    /** The started containers' statuses, and {@code PodInitializing} for those not started yet. */
    private static List<ContainerStatus> statuses(List<Container> specs, List<ContainerRuntime> started, Instant now) {
        List<ContainerStatus> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            out.add(i < started.size() ? started.get(i).status(now)
                    : WaitingPodStatus.container(specs.get(i), "PodInitializing"));
        }
        return out;
    }

    private static PodCondition condition(String type, String status, String since, String reason) {
        return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(since)
                .withReason(reason).build();
    }
}
