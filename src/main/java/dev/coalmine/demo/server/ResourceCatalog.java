package dev.coalmine.demo.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The object types the demo cluster serves: what discovery advertises and the store knows how to treat. */
public final class ResourceCatalog {
    private final List<ResourceType> types = new ArrayList<>();

    public ResourceCatalog() {
        core("Namespace", "namespaces", false, List.of("ns"), "status", "finalize");
        core("Pod", "pods", true, List.of("po"), "status", "log");
        core("Service", "services", true, List.of("svc"), "status");
        core("Endpoints", "endpoints", true, List.of("ep"));
        core("ConfigMap", "configmaps", true, List.of("cm"));
        core("Secret", "secrets", true, List.of());
        core("ServiceAccount", "serviceaccounts", true, List.of("sa"));
        core("Event", "events", true, List.of("ev"));
        core("Node", "nodes", false, List.of("no"), "status");
        core("PersistentVolumeClaim", "persistentvolumeclaims", true, List.of("pvc"), "status");
        core("ResourceQuota", "resourcequotas", true, List.of("quota"), "status");
        core("LimitRange", "limitranges", true, List.of("limits"));
        add("apps", "v1", "Deployment", "deployments", true, List.of("deploy"), "status", "scale");
        add("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), "status", "scale");
        add("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), "status", "scale");
        add("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds"), "status");
        add("apps", "v1", "ControllerRevision", "controllerrevisions", true, List.of());
        add("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, List.of("hpa"),
                "status");
        add("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, List.of("pdb"), "status");
        add("networking.k8s.io", "v1", "Ingress", "ingresses", true, List.of("ing"), "status");
        add("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, List.of());
        add("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, List.of("netpol"));
        add("batch", "v1", "Job", "jobs", true, List.of(), "status");
        add("batch", "v1", "CronJob", "cronjobs", true, List.of("cj"), "status");
        add("coordination.k8s.io", "v1", "Lease", "leases", true, List.of());
        add("events.k8s.io", "v1", "Event", "events", true, List.of("ev"));
        add("rbac.authorization.k8s.io", "v1", "Role", "roles", true, List.of());
        add("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, List.of());
        add("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, List.of());
        add("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, List.of());
        // Served read-only to kubectl top; the simulator writes the samples as objects.
        types.add(new ResourceType("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", true, List.of(), Set.of(),
                List.of("get", "list")));
        types.add(new ResourceType("metrics.k8s.io", "v1beta1", "NodeMetrics", "nodes", false, List.of(), Set.of(),
                List.of("get", "list")));
        types.add(new ResourceType("authorization.k8s.io", "v1", "SelfSubjectAccessReview",
                "selfsubjectaccessreviews", false, List.of(), Set.of(), List.of("create")));
        types.add(new ResourceType("authorization.k8s.io", "v1", "SelfSubjectRulesReview",
                "selfsubjectrulesreviews", false, List.of(), Set.of(), List.of("create")));
        types.add(new ResourceType("authentication.k8s.io", "v1", "SelfSubjectReview",
                "selfsubjectreviews", false, List.of(), Set.of(), List.of("create")));
        types.addAll(EngineResourceTypes.all());
    }

    private void core(String kind, String plural, boolean namespaced, List<String> shortNames, String... subs) {
        add("", "v1", kind, plural, namespaced, shortNames, subs);
    }

    private void add(String group, String version, String kind, String plural, boolean namespaced,
            List<String> shortNames, String... subresources) {
        types.add(new ResourceType(group, version, kind, plural, namespaced, shortNames,
                new LinkedHashSet<>(List.of(subresources)), ResourceType.ALL_VERBS));
    }

    public List<ResourceType> all() {
        return List.copyOf(types);
    }

    public Optional<ResourceType> find(String group, String plural) {
        return types.stream().filter(t -> t.group().equals(group) && t.plural().equals(plural)).findFirst();
    }

    public Optional<ResourceType> find(ApiPath path) {
        return find(path.group(), path.resource());
    }

    public Optional<ResourceType> byKind(String apiVersion, String kind) {
        return types.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    /** Group/versions in the order discovery lists them (core first). */
    public List<String> groupVersions() {
        Set<String> out = new LinkedHashSet<>();
        types.forEach(t -> out.add(t.apiVersion()));
        return List.copyOf(out);
    }

    public List<ResourceType> inGroupVersion(String apiVersion) {
        return types.stream().filter(t -> t.apiVersion().equals(apiVersion)).toList();
    }
}
