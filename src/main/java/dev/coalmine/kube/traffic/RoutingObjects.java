package dev.coalmine.kube.traffic;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads and writes routing objects of any kind as generic resources, addressed by {@link RoutingKind}. */
final class RoutingObjects {
    private static final int ATTEMPTS = 5;
    private final KubernetesClient client;
    private final KubernetesSerialization serialization;

    RoutingObjects(KubernetesClient client) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
    }

    GenericKubernetesResource get(RoutingKind kind, String namespace, String name) {
        return client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name).get();
    }

    /** Every object of {@code kind} in {@code namespace} (null: a cluster-scoped kind). */
    List<GenericKubernetesResource> list(RoutingKind kind, String namespace) {
        var all = client.genericKubernetesResources(kind.context());
        return (namespace == null ? all.list() : all.inNamespace(namespace).list()).getItems();
    }

    /**
     * Creates {@code desired}, or updates the live object to it, retried on conflicts. With {@code specOnly} (an
     * operator's object) only the spec is written and the live metadata stays as it is.
     */
    void write(RoutingKind kind, GenericKubernetesResource desired, boolean specOnly, boolean dryRun) {
        var resources = client.genericKubernetesResources(kind.context()).inNamespace(desired.getMetadata().getNamespace());
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource live = resources.withName(desired.getMetadata().getName()).get();
            try {
                if (live == null) {
                    var op = resources.resource(desired);
                    if (dryRun) {
                        op.dryRun().create();
                    } else {
                        op.create();
                    }
                    return;
                }
                GenericKubernetesResource update = copy(specOnly ? live : desired);
                update.setAdditionalProperty("spec", spec(desired));
                update.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
                update.getMetadata().setUid(live.getMetadata().getUid());
                if (dryRun) {
                    resources.resource(update).dryRun().update();
                } else if (!sameContent(live, update)) {
                    resources.resource(update).update();
                }
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    void delete(RoutingKind kind, String namespace, String name) {
        client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name).delete();
    }

    GenericKubernetesResource copy(GenericKubernetesResource object) {
        return serialization.unmarshal(serialization.asJson(object), GenericKubernetesResource.class);
    }

    GenericKubernetesResource parse(String json) {
        return serialization.unmarshal(json, GenericKubernetesResource.class);
    }

    /**
     * The object as the release records it: without managedFields and status, which restoring never writes and which
     * would only take room in the release state.
     */
    String json(GenericKubernetesResource object) {
        GenericKubernetesResource kept = copy(object);
        kept.getMetadata().setManagedFields(null);
        kept.getAdditionalProperties().remove("status");
        return serialization.asJson(kept);
    }

    /** A new object of {@code kind} with the release's labels and owner, and {@code spec}. */
    GenericKubernetesResource created(RoutingKind kind, RoutingOwner owner, String name, Map<String, Object> spec) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(kind.apiVersion());
        object.setKind(kind.kind());
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(owner.namespace());
        meta.setLabels(new LinkedHashMap<>(owner.labels()));
        meta.setOwnerReferences(owner.owners());
        object.setMetadata(meta);
        object.setAdditionalProperty("spec", spec);
        return object;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource object) {
        Object spec = object.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static boolean sameContent(GenericKubernetesResource live, GenericKubernetesResource desired) {
        return Objects.equals(spec(live), spec(desired))
                && Objects.equals(live.getMetadata().getLabels(), desired.getMetadata().getLabels())
                && Objects.equals(live.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations());
    }
}
