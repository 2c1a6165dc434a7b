package dev.coalmine.kube.argo;

import dev.coalmine.core.argo.AnalysisRun;
import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.ReplicaSetView;
import dev.coalmine.core.argo.RolloutSnapshot;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.engines.CoalescedRebuild;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Rollout, live, from the connection's {@link ClusterCache}: the Rollout, the ReplicaSets and pods it owns and its
 * AnalysisRuns, each kind listed and watched once per namespace. Every change leads to one new snapshot, built on
 * this watch's own thread (empty while the Rollout does not exist).
 */
public final class RolloutWatch implements AutoCloseable {
    private final String name;
    private final CachedObjects<GenericKubernetesResource> rollouts;
    private final CachedObjects<ReplicaSet> replicaSets;
    private final CachedObjects<Pod> pods;
    private final CachedObjects<GenericKubernetesResource> runs;
    private final Consumer<Optional<RolloutSnapshot>> listener;
    private final CoalescedRebuild rebuild;

    private RolloutWatch(ClusterCache cache, String namespace, String name, Consumer<Optional<RolloutSnapshot>> listener) {
        this.name = name;
        this.listener = listener;
        this.rollouts = cache.open(CachedKind.ROLLOUTS, namespace);
        this.replicaSets = cache.open(CachedKind.ROLLOUT_REPLICA_SETS, namespace);
        this.pods = cache.open(CachedKind.ROLLOUT_PODS, namespace);
        this.runs = cache.open(CachedKind.ANALYSIS_RUNS, namespace);
        this.rebuild = new CoalescedRebuild("coalmine-rollout-" + name, this::publish);
    }

    /** Opens the watch, blocking until each kind is listed (call it off the UI thread); the first snapshot follows. */
    public static RolloutWatch open(ClusterCache cache, String namespace, String name,
            Consumer<Optional<RolloutSnapshot>> listener) {
        RolloutWatch watch = new RolloutWatch(cache, namespace, name, listener);
        watch.rollouts.onAnyChange(watch.rebuild::changed);
        watch.replicaSets.onAnyChange(watch.rebuild::changed);
        watch.pods.onAnyChange(watch.rebuild::changed);
        watch.runs.onAnyChange(watch.rebuild::changed);
        watch.rebuild.changed();
        return watch;
    }

    /** The snapshot now, read from the cache. */
    public Optional<RolloutSnapshot> snapshot() {
        GenericKubernetesResource live = rollouts.get(name);
        if (live == null) {
            return Optional.empty();
        }
        ArgoRollout rollout = RolloutReader.rollout(live);
        List<ReplicaSetView> sets = new ArrayList<>();
        replicaSets.list().stream().filter(rs -> ownedBy(rs, "Rollout", name))
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getName()))
                .forEach(rs -> sets.add(ReplicaSetViews.of(rs, rollout, podsOf(rs))));
        sets.sort(Comparator.comparing(ReplicaSetView::role));
        List<AnalysisRun> analysis = runs.list().stream().filter(run -> ownedBy(run, "Rollout", name))
                .sorted(Comparator.comparing((GenericKubernetesResource run) ->
                        run.getMetadata().getCreationTimestamp() == null ? "" : run.getMetadata().getCreationTimestamp())
                        .thenComparing(run -> run.getMetadata().getName()).reversed())
                .map(RolloutReader::analysisRun).toList();
        return Optional.of(new RolloutSnapshot(rollout, sets, analysis));
    }

    private List<Pod> podsOf(ReplicaSet rs) {
        return pods.list().stream().filter(p -> ownedBy(p, "ReplicaSet", rs.getMetadata().getName()))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    static boolean ownedBy(HasMetadata object, String kind, String owner) {
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> kind.equals(ref.getKind()) && owner.equals(ref.getName()));
    }

    private void publish() {
        listener.accept(snapshot());
    }

    @Override
    public void close() {
        rebuild.close();
        rollouts.close();
        replicaSets.close();
        pods.close();
        runs.close();
    }
}
