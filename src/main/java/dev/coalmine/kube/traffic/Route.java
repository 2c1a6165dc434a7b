package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.RoutingRecord;
import dev.coalmine.core.traffic.RoutingStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One release's routing: its track Services and its router's objects. Every method converges, so running it again
 * after a kill repeats nothing finished.
 */
public final class Route {
    private final RoutingObjects objects;
    private final TrackServices tracks;
    private final RoutingProvider provider;
    private final RouteTarget target;
    private final List<RoutingRecord> records;

    Route(RoutingObjects objects, TrackServices tracks, RoutingProvider provider, RouteTarget target,
          List<RoutingRecord> records) {
        this.objects = objects;
        this.tracks = tracks;
        this.provider = provider;
        this.target = target;
        this.records = List.copyOf(records);
    }

    /** The track Services and the routing objects as they will be with the canary at {@code weight}. */
    public List<HasMetadata> preview(int weight) {
        List<HasMetadata> all = new ArrayList<>(tracks.desired(target));
        all.addAll(provider.render(target, records, weight));
        return all;
    }

    /** The track Services as they must be now. */
    public List<HasMetadata> trackServices() {
        return new ArrayList<>(tracks.desired(target));
    }

    /** The routing objects (not the track Services) as they will be with the canary at {@code weight}. */
    public List<HasMetadata> routingObjects(int weight) {
        return new ArrayList<>(provider.render(target, records, weight));
    }

    /** The server-side dry run of the routing objects at {@code weight}; nothing is stored. */
    public int dryRun(int weight) {
        List<GenericKubernetesResource> rendered = provider.render(target, records, weight);
        for (int i = 0; i < rendered.size(); i++) {
            GenericKubernetesResource o = rendered.get(i);
            objects.write(kindOf(o), o, !records.get(i).createdByCoalmine(), true);
        }
        return rendered.size();
    }

    public RoutingStatus observe() {
        boolean routingPresent = routingPresent();
        boolean pinned = provider.pins(target, records).stream().allMatch(this::liveEquals);
        return new RoutingStatus(tracks.anyPresent(target), pinned && tracks.inSync(target), routingPresent,
                routingPresent ? provider.carriedWeight(target, records) : -1);
    }

    /** Creates the track Services, or re-pins stable's (and the router's stable subset) to the ReplicaSet serving it. */
    public void applyTrackServices() {
        tracks.apply(target);
        for (GenericKubernetesResource pin : provider.pins(target, records)) {
            write(pin);
        }
    }

    /** Makes the router carry {@code weight} for the canary (and baseline), the rest for stable. */
    public void setWeight(int weight) {
        provider.render(target, records, weight).forEach(this::write);
    }

    /** Puts the operator's objects back exactly as recorded and deletes the ones Coalmine created, last first. */
    public void restore() {
        for (int i = records.size() - 1; i >= 0; i--) {
            RoutingRecord r = records.get(i);
            RoutingKind kind = RoutingKind.of(r.apiVersion(), r.kind());
            GenericKubernetesResource live = objects.get(kind, target.namespace(), r.name());
            if (live == null) {
                continue;
            }
            if (r.createdByCoalmine()) {
                if (target.owner().ours(live)) {
                    objects.delete(kind, target.namespace(), r.name());
                }
            } else {
                objects.write(kind, objects.parse(r.original()), true, false);
            }
        }
    }

    public void deleteTrackServices() {
        tracks.delete(target);
    }

    /** Some object is still in the release's shape: one it created exists, or an operator's differs from its copy. */
    private boolean routingPresent() {
        for (RoutingRecord r : records) {
            GenericKubernetesResource live = objects.get(RoutingKind.of(r.apiVersion(), r.kind()), target.namespace(),
                    r.name());
            boolean changed = r.createdByCoalmine() ? live != null && target.owner().ours(live)
                    : live != null && !Objects.equals(RoutingObjects.spec(live), RoutingObjects.spec(objects.parse(r.original())));
            if (changed) {
                return true;
            }
        }
        return false;
    }

    private boolean liveEquals(GenericKubernetesResource desired) {
        GenericKubernetesResource live = objects.get(kindOf(desired), target.namespace(), desired.getMetadata().getName());
        return live != null && Objects.equals(RoutingObjects.spec(live), RoutingObjects.spec(objects.copy(desired)));
    }

    private void write(GenericKubernetesResource o) {
        RoutingRecord record = records.stream().filter(r -> r.name().equals(o.getMetadata().getName())
                && r.kind().equals(o.getKind())).findFirst().orElseThrow();
        if (record.createdByCoalmine()) {
            GenericKubernetesResource live = objects.get(kindOf(o), target.namespace(), record.name());
            if (live != null && !target.owner().ours(live)) {
                throw new CoalmineException(target.owner().refusal(live));
            }
        }
        objects.write(kindOf(o), o, !record.createdByCoalmine(), false);
    }

    private static RoutingKind kindOf(GenericKubernetesResource o) {
        return RoutingKind.of(o.getApiVersion(), o.getKind());
    }
}
