package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.RoutingStatus;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.traffic.Route;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Performs the actions {@code decide} returns. Each one converges, so performing it twice is harmless. */
final class ReleaseActions {
    private final KubernetesClient client;
    private final CanaryRenderer renderer;
    private final ClusterWrites writes;
    private final KubernetesSerialization serialization;
    private final ReleaseSecretStore secretStore;
    private final PreviousConfig previousConfig;
    private final StableTemplateMerge merge;
    private final LiveConfigWrites config;
    private final ReleaseRoutes routes;

    public ReleaseActions(KubernetesClient client, CanaryRenderer renderer) {
        this.client = client;
        this.renderer = renderer;
        this.writes = new ClusterWrites(client);
        this.serialization = client.getKubernetesSerialization();
        this.secretStore = new ReleaseSecretStore(client);
        this.config = new LiveConfigWrites(client);
        this.previousConfig = new PreviousConfig(client, config);
        this.merge = new StableTemplateMerge(serialization);
        this.routes = new ReleaseRoutes(client);
    }

    /** Performs {@code action}, reading the live objects from {@code view} and telling it what was written. */
    public void perform(ReleaseAction action, ReleaseState state, StartSnapshot snapshot, DriveView view) {
        String name = state.plan().deployment();
        if (action instanceof ReleaseAction.ApplyVersionedConfig) {
            versionedCopies(state, snapshot, secrets(state, snapshot)).forEach(writes::upsert);
        } else if (action instanceof ReleaseAction.ApplyCanary) {
            replaceDerived(renderer.canary(stable(state, view), snapshot.newTemplate(), state.number(),
                    state.canaryReplicas(), snapshot.renames()), view);
        } else if (action instanceof ReleaseAction.ApplyBaseline) {
            replaceDerived(renderer.baseline(stable(state, view), state.number(), state.canaryReplicas()), view);
        } else if (action instanceof ReleaseAction.RollStable) {
            rollStable(state, snapshot, view);
        } else if (action instanceof ReleaseAction.RollbackStable) {
            // Config first: once stable is back on its old template, nothing asks for this rollback again.
            previousConfig.restore(state.plan().namespace(), snapshot, secrets(state, snapshot));
            PodTemplateSpec released = released(state, snapshot);
            wroteIfAny(view, writes.edit(stable(state, view), live -> renderer.stableOn(live,
                    merge.rollback(snapshot, released, live.getSpec().getTemplate()))));
        } else if (action instanceof ReleaseAction.DeleteCanary) {
            deleteDerived(view.deployment(ReleaseNames.canary(name)), name, ReleaseNames.CANARY, view);
        } else if (action instanceof ReleaseAction.DeleteBaseline) {
            deleteDerived(view.deployment(ReleaseNames.baseline(name)), name, ReleaseNames.BASELINE, view);
        } else if (action instanceof ReleaseAction.DeleteVersionedConfig) {
            Map<String, String> labels = WorkloadObserver.copyLabels(name, state.number());
            client.configMaps().inNamespace(state.plan().namespace()).withLabels(labels).delete();
            client.secrets().inNamespace(state.plan().namespace()).withLabels(labels).delete();
        } else {
            performRouting(action, state, view);
        }
    }

    private void performRouting(ReleaseAction action, ReleaseState state, DriveView view) {
        Route route = routes.route(state, view.deployment(state.plan().deployment()));
        if (action instanceof ReleaseAction.ApplyTrackServices) {
            route.applyTrackServices();
        } else if (action instanceof ReleaseAction.SetWeights) {
            route.setWeight(state.trafficIfAny().map(TrafficState::weight).orElse(0));
        } else if (action instanceof ReleaseAction.RestoreRouting) {
            route.restore();
        } else if (action instanceof ReleaseAction.DeleteTrackServices) {
            route.deleteTrackServices();
        }
    }

    /** What the release's weighted routing looks like now (nothing with the replica ratio). */
    RoutingStatus routing(ReleaseState state, DriveView view) {
        return routes.observe(state, view.deployment(state.plan().deployment()));
    }

    ReleaseRoutes routes() {
        return routes;
    }

    /**
     * Nothing is written while the live stable conflicts with the release's change: the next decide sees the
     * conflict ({@link #promotionConflict}) and refuses the promotion.
     */
    private void rollStable(ReleaseState state, StartSnapshot snapshot, DriveView view) {
        Deployment stable = stable(state, view);
        if (!promotionMerge(state, snapshot, stable).clean()) {
            return;
        }
        liveConfig(state, secrets(state, snapshot)).forEach(config::apply);
        wroteIfAny(view, writes.edit(stable, live -> {
            StableTemplateMerge.Merged merged = promotionMerge(state, snapshot, live);
            return merged.clean() ? renderer.stableOn(live, merged.template()) : null;
        }));
    }

    /**
     * Why the release's change cannot be applied to the live stable (someone changed the same values differently
     * during the release), or null when it can.
     */
    String promotionConflict(ReleaseState state, StartSnapshot snapshot, DriveView view) {
        Deployment stable = view.deployment(state.plan().deployment());
        StableTemplateMerge.Merged merged = stable == null ? null : promotionMerge(state, snapshot, stable);
        return merged == null || merged.clean() ? null : "promotion refused: " + merged.describe() + "; stable was "
                + "left as it is. To release on top of that edit, start a new release; to drop it, " + merged.undo()
                + " and start again";
    }

    /** The release's change merged onto {@code stable}, with the conflicts if any. */
    StableTemplateMerge.Merged promotionMerge(ReleaseState state, StartSnapshot snapshot, Deployment stable) {
        return merge.promotion(snapshot, released(state, snapshot), stable.getSpec().getTemplate());
    }

    private PodTemplateSpec released(ReleaseState state, StartSnapshot snapshot) {
        return renderer.releasedTemplate(state.plan().deployment(), snapshot.newTemplate(), state.number());
    }

    private static void wroteIfAny(DriveView view, Deployment written) {
        if (written != null) {
            view.wrote(written);
        }
    }

    /** Deletes {@code live} only if it is the release's own; somebody else's is an error, not something to retry. */
    private void deleteDerived(Deployment live, String workload, String track, DriveView view) {
        if (live == null) {
            return;
        }
        refuseIfNotOurs(live, workload, track);
        if (!writes.deleteIfOurs(live)) {
            return;
        }
        List<String> finalizers = live.getMetadata().getFinalizers();
        if (finalizers == null || finalizers.isEmpty()) {
            view.deleted(live);
            return;
        }
        // Finalizers keep it, terminating, until their controllers let go: the drive goes on from that copy.
        Deployment terminating = client.resource(live).get();
        if (terminating != null) {
            view.wrote(terminating);
        } else {
            view.deleted(live);
        }
    }

    private static void refuseIfNotOurs(Deployment live, String workload, String track) {
        Ownership.refusal(live, workload, track).ifPresent(why -> {
            throw new CoalmineException(why);
        });
    }

    /** The objects the release will write, for the dry run before the first change. */
    public List<HasMetadata> objectsToWrite(ReleaseState state, StartSnapshot snapshot, ReleaseSecrets secrets,
                                            Deployment stable) {
        List<HasMetadata> all = new ArrayList<>(versionedCopies(state, snapshot, secrets));
        all.add(renderer.canary(stable, snapshot.newTemplate(), state.number(), state.canaryReplicas(), snapshot.renames()));
        if (state.plan().baseline()) {
            all.add(renderer.baseline(stable, state.number(), state.canaryReplicas()));
        }
        all.addAll(liveConfig(state, secrets));
        all.add(renderer.stableOn(stable, released(state, snapshot)));
        return all;
    }

    /**
     * Canary and baseline selectors carry the release number and selectors are immutable: an object of an earlier
     * release is deleted, and the new one created once the name is free (a finalizer may hold the old one a while).
     */
    private void replaceDerived(Deployment desired, DriveView view) {
        String name = desired.getMetadata().getName();
        Deployment live = view.deployment(name);
        if (live != null && updatable(desired, live, view)) {
            view.wrote(writes.upsert(desired, live));
            return;
        }
        if (view.deployment(name) != null) {
            return; // still being deleted: a later look creates the new one once it is gone
        }
        try {
            view.wrote(client.resource(desired).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // The watch had not shown it yet: judge the server's copy the same way, never rewrite its selector.
            Deployment found = client.resource(desired).get();
            if (found != null && updatable(desired, found, view)) {
                view.wrote(writes.upsert(desired, found));
            }
        }
    }

    /**
     * Whether {@code live} (ours, else refused) can be updated to {@code desired}. If not, it is deleted as wrap-up
     * deletes (or is already being deleted), and the view is told: gone, or still there while finalizers hold it (the
     * caller creates the new object only when the name is free).
     */
    private boolean updatable(Deployment desired, Deployment live, DriveView view) {
        Map<String, String> labels = desired.getMetadata().getLabels();
        String workload = labels.get(ReleaseNames.WORKLOAD);
        String track = labels.get(ReleaseNames.TRACK);
        refuseIfNotOurs(live, workload, track);
        boolean terminating = live.getMetadata().getDeletionTimestamp() != null;
        if (!terminating && desired.getSpec().getSelector().equals(live.getSpec().getSelector())) {
            return true;
        }
        if (terminating) {
            view.wrote(live);
        } else {
            deleteDerived(live, workload, track, view);
        }
        return false;
    }

    private List<HasMetadata> versionedCopies(ReleaseState state, StartSnapshot snapshot, ReleaseSecrets secrets) {
        ManifestBundle manifest = manifest(state);
        List<HasMetadata> copies = new ArrayList<>();
        if (manifest == null) {
            return copies;
        }
        for (ConfigMap cm : manifest.configMaps()) {
            String copyName = snapshot.configMapRenames().get(cm.getMetadata().getName());
            if (copyName != null) {
                copies.add(new ConfigMapBuilder(cm).withMetadata(copyMeta(state, copyName)).build());
            }
        }
        for (Secret secret : secrets.manifestSecrets()) {
            String copyName = snapshot.secretRenames().get(secret.getMetadata().getName());
            if (copyName != null) {
                copies.add(new SecretBuilder(secret).withMetadata(copyMeta(state, copyName)).build());
            }
        }
        return copies;
    }

    /** The manifest's config under its own names, as stable will use it after promotion. */
    private List<HasMetadata> liveConfig(ReleaseState state, ReleaseSecrets secrets) {
        ManifestBundle manifest = manifest(state);
        List<HasMetadata> live = new ArrayList<>();
        if (manifest != null) {
            for (ConfigMap cm : manifest.configMaps()) {
                live.add(new ConfigMapBuilder(cm).editOrNewMetadata().withNamespace(state.plan().namespace())
                        .withResourceVersion(null).endMetadata().build());
            }
            for (Secret s : secrets.manifestSecrets()) {
                live.add(new SecretBuilder(s).editOrNewMetadata().withNamespace(state.plan().namespace())
                        .withResourceVersion(null).endMetadata().build());
            }
        }
        return live;
    }

    private ObjectMeta copyMeta(ReleaseState state, String name) {
        Map<String, String> labels = new HashMap<>(WorkloadObserver.copyLabels(state.plan().deployment(), state.number()));
        labels.put(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE);
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(state.plan().namespace());
        meta.setLabels(labels);
        return meta;
    }

    /** The Secrets' data, read from the release's Secret only when a step writes Secrets. */
    private ReleaseSecrets secrets(ReleaseState state, StartSnapshot snapshot) {
        return secretStore.read(state, snapshot, manifest(state));
    }

    ManifestBundle manifest(ReleaseState state) {
        return state.plan().fromManifest()
                ? ManifestBundle.parse(state.plan().manifestYaml(), state.plan().deployment(), serialization) : null;
    }

    private static Deployment stable(ReleaseState state, DriveView view) {
        Deployment stable = view.deployment(state.plan().deployment());
        if (stable == null) {
            throw new CoalmineException("Deployment " + state.plan().deployment() + " is gone from namespace "
                    + state.plan().namespace() + "; release " + state.number() + " cannot continue");
        }
        return stable;
    }
}
