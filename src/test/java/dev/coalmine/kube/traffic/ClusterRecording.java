package dev.coalmine.kube.traffic;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every write to some kinds of one namespace, as their watches deliver them, replayed in the API server's order
 * (its resourceVersions are one counter over all kinds), so that what is true of several objects at once can be
 * checked at every moment the server went through, not at the moments a poll saw.
 *
 * <p>The demo's DELETED events carry the object's last resourceVersion, not the deletion's, so a deletion's place is
 * known only up to its own watch: after the object's last write, before the next event of its kind. It is replayed
 * where it makes a check of "the router sends somewhere that has a backend" strictest without inventing a gap: a
 * router's object ({@code early} kinds) right after its last write (it stops routing as soon as it may have), any
 * other object (pods, Services) just before the next event of its kind or at the end (it is gone as late as it may
 * have been).
 */
final class ClusterRecording implements AutoCloseable {
    private final List<Change> changes = new ArrayList<>();
    private final List<Watch> watches = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final java.util.Set<String> early;

    /** One write: the object as it was after it (for a deletion: null), at the server's resourceVersion. */
    record Change(long version, String kind, String name, Map<String, Object> object) {
        boolean deletion() {
            return object == null;
        }
    }

    /** The namespace's objects of the recorded kinds as they were at one moment, by kind and name. */
    record Moment(String when, Map<String, Map<String, Map<String, Object>>> objects) {
        Map<String, Object> get(String kind, String name) {
            return objects.getOrDefault(kind, Map.of()).get(name);
        }

        List<Map<String, Object>> all(String kind) {
            return List.copyOf(objects.getOrDefault(kind, Map.of()).values());
        }
    }

    /** Lists each kind and watches it from the list's resourceVersion on; deletions of {@code early} kinds go early. */
    ClusterRecording(KubernetesClient client, String namespace, List<RoutingKind> kinds, List<RoutingKind> early) {
        this.early = early.stream().map(RoutingKind::kind).collect(java.util.stream.Collectors.toSet());
        for (RoutingKind kind : kinds) {
            var resources = client.genericKubernetesResources(kind.context()).inNamespace(namespace);
            GenericKubernetesResourceList listed = resources.list();
            long listedAt = Long.parseLong(listed.getMetadata().getResourceVersion());
            synchronized (changes) {
                listed.getItems().forEach(o -> changes.add(new Change(0, kind.kind(), o.getMetadata().getName(),
                        tree(o))));
            }
            watches.add(resources.watch(new ListOptionsBuilder().withResourceVersion(Long.toString(listedAt)).build(),
                    new Recorder(kind.kind())));
        }
    }

    /** Replays every moment recorded so far, oldest first. */
    void replay(Consumer<Moment> check) {
        List<Change> ordered;
        synchronized (changes) {
            ordered = new ArrayList<>(changes);
        }
        ordered = inServerOrder(ordered);
        Map<String, Map<String, Map<String, Object>>> world = new LinkedHashMap<>();
        for (Change change : ordered) {
            Map<String, Map<String, Object>> ofKind = world.computeIfAbsent(change.kind(), k -> new LinkedHashMap<>());
            if (change.object() == null) {
                ofKind.remove(change.name());
            } else {
                ofKind.put(change.name(), change.object());
            }
            check.accept(new Moment(change.deletion() ? "when " + change.kind() + " " + change.name() + " was deleted"
                    : "at resourceVersion " + change.version(), world));
        }
    }

    /** Deletions placed as the class comment says; ties keep the order of arrival. */
    private List<Change> inServerOrder(List<Change> arrived) {
        Map<Change, Long> key = new java.util.IdentityHashMap<>();
        Map<String, List<Change>> byKind = new LinkedHashMap<>();
        arrived.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
        for (List<Change> stream : byKind.values()) {
            long next = Long.MAX_VALUE;
            for (int i = stream.size() - 1; i >= 0; i--) {
                Change change = stream.get(i);
                if (change.deletion() && early.contains(change.kind())) {
                    key.put(change, 2 * change.version() + 1);
                } else if (change.deletion()) {
                    key.put(change, next == Long.MAX_VALUE ? next : 2 * next - 1);
                } else {
                    next = change.version();
                    key.put(change, 2 * next);
                }
            }
        }
        List<Change> ordered = new ArrayList<>(arrived);
        ordered.sort(Comparator.comparingLong(key::get));
        return ordered;
    }

    /** Whatever went wrong with a watch: a recording with a gap proves nothing. */
    List<String> problems() {
        synchronized (changes) {
            return List.copyOf(problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(GenericKubernetesResource resource) {
        return Serialization.jsonMapper().convertValue(resource, Map.class);
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
    }

    private final class Recorder implements Watcher<GenericKubernetesResource> {
        private final String kind;

        Recorder(String kind) {
            this.kind = kind;
        }

        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
            long version = Long.parseLong(resource.getMetadata().getResourceVersion());
            Map<String, Object> object = action == Action.DELETED ? null : tree(resource);
            // version: for a deletion only its object's last write; see inServerOrder
            synchronized (changes) {
                if (action == Action.ERROR) {
                    problems.add(kind + ": watch error " + resource);
                } else {
                    changes.add(new Change(version, kind, resource.getMetadata().getName(), object));
                }
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            synchronized (changes) {
                problems.add(kind + ": watch closed early: " + cause.getMessage());
            }
        }
    }
}
