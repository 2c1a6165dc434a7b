package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ConfigMaps {@code coalmine-release-<deployment>-<N>-plan} that keep finished releases' plan bodies (manifest
 * text, cluster snapshot) once the history ConfigMap needs their room. A body never changes after its release
 * started, so writing one twice (a retried history write) writes the same thing.
 */
final class PlanBodyStore {
    static final String MANIFEST_KEY = "manifest.yaml";
    static final String SNAPSHOT_KEY = "cluster-snapshot.json";

    private final KubernetesClient client;

    PlanBodyStore(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Writes the body of {@code release} into its own ConfigMap, owned by the history ConfigMap {@code history}
     * (null while that does not exist yet), and says where it went.
     */
    TrimmedBody keep(ConfigMap history, ReleaseState release) {
        String namespace = release.plan().namespace();
        String deployment = release.plan().deployment();
        String name = ReleaseNames.planConfigMap(deployment, release.number());
        Map<String, String> data = new LinkedHashMap<>();
        if (release.plan().fromManifest()) {
            data.put(MANIFEST_KEY, release.plan().manifestYaml());
        }
        data.put(SNAPSHOT_KEY, release.clusterSnapshot());
        Map<String, String> labels = new HashMap<>(Map.of(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE,
                ReleaseNames.PLAN_OF, deployment, ReleaseNames.RELEASE, String.valueOf(release.number())));
        ConfigMapBuilder body = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).endMetadata().withData(data);
        if (history != null) {
            body.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1")
                    .withKind("ConfigMap").withName(history.getMetadata().getName())
                    .withUid(history.getMetadata().getUid()).build()).endMetadata();
        }
        try {
            client.configMaps().inNamespace(namespace).resource(body.build()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            refuseIfNotOurs(namespace, name, deployment);
        }
        return new TrimmedBody(name, images(release));
    }

    /**
     * The plan body of a trimmed release, read back from the ConfigMap it went to: the manifest text for a release
     * made from a manifest, else the cluster snapshot; empty when it was not kept or is gone.
     */
    Optional<String> read(ReleaseState release) {
        String keptIn = release.trimmedIfAny().map(TrimmedBody::keptIn).orElse(null);
        if (keptIn == null) {
            return Optional.empty();
        }
        ConfigMap body = client.configMaps().inNamespace(release.plan().namespace()).withName(keptIn).get();
        Map<String, String> labels = body == null ? null : body.getMetadata().getLabels();
        if (labels == null || !release.plan().deployment().equals(labels.get(ReleaseNames.PLAN_OF))
                || body.getData() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(body.getData().get(release.plan().fromManifest() ? MANIFEST_KEY : SNAPSHOT_KEY));
    }

    /** An existing ConfigMap of that name is ours from an earlier attempt; someone else's is never adopted. */
    private void refuseIfNotOurs(String namespace, String name, String deployment) {
        ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
        Map<String, String> labels = existing == null ? null : existing.getMetadata().getLabels();
        if (labels == null || !deployment.equals(labels.get(ReleaseNames.PLAN_OF))) {
            throw new CoalmineException("the ConfigMap " + namespace + "/" + name + " that would keep a finished "
                    + "release's plan exists and is not Coalmine's (no label " + ReleaseNames.PLAN_OF + "=" + deployment
                    + "); rename or delete it");
        }
    }

    /**
     * Deletes the bodies of the releases that {@code before} held and {@code after} no longer does, including one
     * moved out by the same write that dropped its record. Only ConfigMaps labelled as that release's body go.
     */
    void forgetDropped(String namespace, String deployment, ReleaseHistory before, ReleaseHistory after) {
        Set<Integer> still = after.releases().stream().map(ReleaseState::number).collect(Collectors.toSet());
        before.releases().stream().map(ReleaseState::number).filter(n -> !still.contains(n))
                .forEach(n -> delete(namespace, deployment, n));
    }

    private void delete(String namespace, String deployment, int release) {
        try {
            client.configMaps().inNamespace(namespace).withLabel(ReleaseNames.PLAN_OF, deployment)
                    .withLabel(ReleaseNames.RELEASE, String.valueOf(release)).delete();
        } catch (KubernetesClientException e) {
            // the history is saved already; a body left behind is owned by the history ConfigMap and goes with it
        }
    }

    /** The images the release's new pod template set, as {@code container=image}. */
    private List<String> images(ReleaseState release) {
        StartSnapshot snapshot = client.getKubernetesSerialization().unmarshal(release.clusterSnapshot(), StartSnapshot.class);
        if (snapshot == null || snapshot.newTemplate() == null || snapshot.newTemplate().getSpec() == null) {
            return List.of();
        }
        List<Container> containers = snapshot.newTemplate().getSpec().getContainers();
        return containers.stream().map(c -> c.getName() + "=" + c.getImage()).toList();
    }
}
