package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;

/**
 * The simulated engines' reads and writes of their custom resources, as JSON trees. Status goes through the status
 * subresource where the CRD has one (Rollout, Canary) and with the object elsewhere (AnalysisRun), as the real
 * controllers do.
 */
final class EngineApi {
    static final ResourceDefinitionContext ROLLOUTS = context("argoproj.io", "v1alpha1", "Rollout", "rollouts", true);
    static final ResourceDefinitionContext ANALYSIS_RUNS =
            context("argoproj.io", "v1alpha1", "AnalysisRun", "analysisruns", true);
    static final ResourceDefinitionContext ANALYSIS_TEMPLATES =
            context("argoproj.io", "v1alpha1", "AnalysisTemplate", "analysistemplates", true);
    static final ResourceDefinitionContext CLUSTER_ANALYSIS_TEMPLATES =
            context("argoproj.io", "v1alpha1", "ClusterAnalysisTemplate", "clusteranalysistemplates", false);
    static final ResourceDefinitionContext CANARIES = context("flagger.app", "v1beta1", "Canary", "canaries", true);
    static final ResourceDefinitionContext METRIC_TEMPLATES =
            context("flagger.app", "v1beta1", "MetricTemplate", "metrictemplates", true);

    private final KubernetesClient client;

    EngineApi(KubernetesClient client) {
        this.client = client;
    }

    KubernetesClient client() {
        return client;
    }

    List<ObjectNode> list(ResourceDefinitionContext type) {
        var resources = type.isNamespaceScoped()
                ? client.genericKubernetesResources(type).inAnyNamespace().list().getItems()
                : client.genericKubernetesResources(type).list().getItems();
        return resources.stream().map(this::tree).toList();
    }

    Optional<ObjectNode> get(ResourceDefinitionContext type, String namespace, String name) {
        GenericKubernetesResource found = type.isNamespaceScoped()
                ? client.genericKubernetesResources(type).inNamespace(namespace).withName(name).get()
                : client.genericKubernetesResources(type).withName(name).get();
        return Optional.ofNullable(found).map(this::tree);
    }

    ObjectNode create(ResourceDefinitionContext type, ObjectNode object) {
        return tree(client.genericKubernetesResources(type).resource(resource(object)).create());
    }

    /** Writes the object's status (with its resourceVersion: a concurrent change fails, the next pass retries). */
    void writeStatus(ResourceDefinitionContext type, ObjectNode object, boolean subresource) {
        var resource = client.genericKubernetesResources(type).resource(resource(object));
        if (subresource) {
            resource.updateStatus();
        } else {
            resource.update();
        }
    }

    void mergePatch(ResourceDefinitionContext type, ObjectNode object, String patch) {
        client.genericKubernetesResources(type).resource(resource(object))
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    /**
     * True when the write lost a race (409 Conflict: the object changed since it was read) and should simply be tried
     * again next pass. A create whose name is taken (409 AlreadyExists) is no race: trying again fails again.
     */
    static boolean conflict(KubernetesClientException e) {
        return e.getCode() == HttpURLConnection.HTTP_CONFLICT && !alreadyExists(e);
    }

    static boolean alreadyExists(KubernetesClientException e) {
        return e.getCode() == HttpURLConnection.HTTP_CONFLICT && e.getStatus() != null
                && "AlreadyExists".equals(e.getStatus().getReason());
    }

    private ObjectNode tree(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
    }

    private GenericKubernetesResource resource(ObjectNode object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural,
            boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }
}
