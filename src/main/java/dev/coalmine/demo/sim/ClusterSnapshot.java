package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one reconcile pass sees: every Deployment, ReplicaSet, Pod and Node, and which objects pods depend on,
 * read once at the start of the pass. Controllers put the objects they write back in, so later stages of the same pass see them.
 */
final class ClusterSnapshot {
    private final Instant now;
    private final List<Deployment> deployments;
    private final Map<String, ReplicaSet> replicaSets = new LinkedHashMap<>();
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, Map<String, HasMetadata>> byController = new HashMap<>();
    private final List<Node> nodes;
    private final PodDependencies dependencies;

    ClusterSnapshot(Instant now, List<Deployment> deployments, List<ReplicaSet> replicaSets, List<Pod> pods,
                    List<Node> nodes, PodDependencies dependencies) {
        this.now = now;
        this.dependencies = dependencies;
        this.deployments = List.copyOf(deployments);
        replicaSets.forEach(this::put);
        pods.forEach(this::put);
        this.nodes = nodes.stream().sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
    }

    static ClusterSnapshot read(KubernetesClient client, Instant now) {
        // Owned objects first, owners last: an owner created meanwhile is then still seen, so no pod looks orphaned.
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        List<ReplicaSet> replicaSets = client.apps().replicaSets().inAnyNamespace().list().getItems();
        List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
        return new ClusterSnapshot(now, deployments, replicaSets, pods, client.nodes().list().getItems(),
                PodDependencies.read(client));
    }

    Instant now() {
        return now;
    }

    List<Deployment> deployments() {
        return deployments;
    }

    List<ReplicaSet> replicaSets() {
        return List.copyOf(replicaSets.values());
    }

    List<Pod> pods() {
        return List.copyOf(pods.values());
    }

    List<Node> nodes() {
        return nodes;
    }

    PodDependencies dependencies() {
        return dependencies;
    }

    List<ReplicaSet> replicaSetsOf(Deployment deployment) {
        return ownedBy(deployment, ReplicaSet.class);
    }

    List<Pod> podsOf(ReplicaSet replicaSet) {
        return ownedBy(replicaSet, Pod.class);
    }

    Set<String> uids(List<? extends HasMetadata> objects) {
        Set<String> uids = new HashSet<>();
        objects.forEach(o -> uids.add(o.getMetadata().getUid()));
        return uids;
    }

    void put(ReplicaSet replicaSet) {
        replicaSets.put(key(replicaSet), replicaSet);
        index(replicaSet);
    }

    void put(Pod pod) {
        pods.put(key(pod), pod);
        index(pod);
    }

    void remove(HasMetadata object) {
        (object instanceof Pod ? pods : replicaSets).remove(key(object));
        Owners.controllerOf(object).map(ref -> byController.get(ref.getUid())).ifPresent(owned -> owned.remove(key(object)));
    }

    private void index(HasMetadata object) {
        Owners.controllerOf(object).ifPresent(ref ->
                byController.computeIfAbsent(ref.getUid(), uid -> new LinkedHashMap<>()).put(key(object), object));
    }

    private <T extends HasMetadata> List<T> ownedBy(HasMetadata owner, Class<T> type) {
        List<T> owned = new ArrayList<>();
        for (HasMetadata object : byController.getOrDefault(owner.getMetadata().getUid(), Map.of()).values()) {
            if (type.isInstance(object)) {
                owned.add(type.cast(object));
            }
        }
        return owned;
    }

    private static String key(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
