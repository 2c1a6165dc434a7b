package dev.coalmine.demo.sim;

import dev.coalmine.demo.sim.EventRecorder.Source;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kubelets of all fake nodes: run the pods bound to them and report pod status and events. */
final class Kubelets {
    private static final Logger LOG = LoggerFactory.getLogger(Kubelets.class);

    private final ClusterWriter writer;
    private final EventRecorder events;
    private final SimulationSettings settings;
    private final Map<String, PodRuntime> runtimes = new HashMap<>();
    private final Map<String, Pod> lastSeen = new HashMap<>();
    private final Map<String, Integer> addressesHandedOut = new HashMap<>();
    private final Map<String, Instant> waitingSince = new HashMap<>();
    private final RetryBackOff mounts;

    Kubelets(ClusterWriter writer, EventRecorder events, SimulationSettings settings) {
        this.writer = writer;
        this.events = events;
        this.settings = settings;
        this.mounts = new RetryBackOff(settings);
    }

    void sync(ClusterSnapshot snapshot) {
        Map<String, Node> nodes = new HashMap<>();
        snapshot.nodes().forEach(n -> nodes.put(n.getMetadata().getName(), n));
        Set<String> seen = new HashSet<>();
        for (Pod pod : snapshot.pods()) {
            String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            if (nodeName == null || !nodes.containsKey(nodeName)) {
                continue;
            }
            String uid = pod.getMetadata().getUid();
            seen.add(uid);
            try {
                run(pod, nodes.get(nodeName), snapshot);
            } catch (RuntimeException e) {
                LOG.debug("pod {}/{}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), e.toString());
            }
        }
        for (String uid : Set.copyOf(runtimes.keySet())) {
            if (!seen.contains(uid)) {
                kill(uid);
            }
        }
        for (String uid : Set.copyOf(waitingSince.keySet())) {
            if (!seen.contains(uid)) {
                waitingSince.remove(uid);
                mounts.reset(uid);
            }
        }
    }

    private void run(Pod pod, Node node, ClusterSnapshot snapshot) {
        String uid = pod.getMetadata().getUid();
        lastSeen.put(uid, pod);
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            kill(uid);
            writer.deleteNow(pod);
            return;
        }
        if (!runtimes.containsKey(uid) && cannotMountVolumes(pod, node, snapshot)) {
            return;
        }
        PodRuntime runtime = runtimes.computeIfAbsent(uid, u -> new PodRuntime(pod, hostIP(node),
                nextPodIP(node, snapshot), settings, snapshot.now(), containerEvents(pod, node.getMetadata().getName())));
        runtime.advance(snapshot.now(), containerEvents(pod, node.getMetadata().getName()));
        PodStatus status = runtime.status(snapshot.now());
        if (!status.equals(pod.getStatus())) {
            pod.setStatus(status);
            snapshot.put(writer.writeStatus(pod));
        }
    }

    /** Reports the first volume that cannot be set up and keeps the pod waiting; false once all can. */
    private boolean cannotMountVolumes(Pod pod, Node node, ClusterSnapshot snapshot) {
        String uid = pod.getMetadata().getUid();
        Optional<String> failure = MissingVolumes.firstOf(pod, snapshot.dependencies());
        if (failure.isEmpty()) {
            mounts.reset(uid);
            waitingSince.remove(uid);
            return false;
        }
        if (mounts.due(uid, snapshot.now())) {
            events.record(pod, null, Source.kubelet(node.getMetadata().getName()), "Warning", "FailedMount",
                    failure.get());
            mounts.failed(uid, snapshot.now());
        }
        Instant since = waitingSince.computeIfAbsent(uid, u -> snapshot.now());
        PodStatus status = WaitingPodStatus.of(pod, hostIP(node), since);
        if (!status.equals(pod.getStatus())) {
            pod.setStatus(status);
            snapshot.put(writer.writeStatus(pod));
        }
        return true;
    }

    private void kill(String uid) {
        PodRuntime runtime = runtimes.remove(uid);
        Pod pod = lastSeen.remove(uid);
        if (runtime == null || pod == null) {
            return;
        }
        for (String container : runtime.containerNames()) {
            containerEvents(pod, runtime.nodeName()).of(container).emit("Normal", "Killing", "Stopping container " + container);
        }
    }

    private PodRuntime.ContainerEvents containerEvents(Pod pod, String node) {
        return container -> (type, reason, message) ->
                events.record(pod, fieldPath(pod, container), Source.kubelet(node), type, reason, message);
    }

    private static String fieldPath(Pod pod, String container) {
        boolean init = pod.getSpec().getInitContainers() != null
                && pod.getSpec().getInitContainers().stream().anyMatch(c -> c.getName().equals(container));
        return (init ? "spec.initContainers{" : "spec.containers{") + container + "}";
    }

    private static String hostIP(Node node) {
        if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
            return null;
        }
        return node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType()))
                .map(NodeAddress::getAddress).findFirst().orElse(null);
    }

    private String nextPodIP(Node node, ClusterSnapshot snapshot) {
        int nodeIndex = snapshot.nodes().indexOf(node) + 1;
        int host = addressesHandedOut.merge(node.getMetadata().getName(), 1, Integer::sum) % 250 + 2;
        return "10.244." + nodeIndex + "." + host;
    }
}
