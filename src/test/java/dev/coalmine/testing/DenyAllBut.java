package dev.coalmine.testing;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo cluster's RBAC rules (ConfigMap {@code coalmine-demo/demo-rbac}) refusing, in one namespace, every verb on
 * the resources a release could touch except those granted: an operator with exactly that Role.
 */
public final class DenyAllBut {
    private static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection");
    /** As RBAC names them, {@code resource.group}; a core resource without a group. */
    private static final List<String> RESOURCES = List.of("deployments.apps", "deployments/scale.apps",
            "replicasets.apps", "configmaps", "secrets", "pods", "pods/log", "services", "endpoints", "events",
            "events.events.k8s.io", "leases.coordination.k8s.io", "horizontalpodautoscalers.autoscaling",
            "httproutes.gateway.networking.k8s.io", "virtualservices.networking.istio.io",
            "destinationrules.networking.istio.io", "trafficsplits.split.smi-spec.io", "ingresses.networking.k8s.io");

    private DenyAllBut() {
    }

    /**
     * Writes the rules through {@code demosOwnClient} (the demo's own client is never refused).
     *
     * @param granted what may be done, each written {@code verb resource[.group]} (as the preflight's permissions print)
     * @return the rules written
     */
    public static List<String> apply(KubernetesClient demosOwnClient, String namespace, Collection<?> granted) {
        Set<String> allowed = granted.stream().map(Object::toString).collect(Collectors.toSet());
        List<String> rules = new ArrayList<>();
        for (String resource : RESOURCES) {
            for (String verb : VERBS) {
                if (!allowed.contains(verb + " " + resource)) {
                    rules.add(verb + " " + resource + " " + namespace);
                }
            }
        }
        demosOwnClient.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata().addToData("deny", String.join("\n", rules)).build()).create();
        return rules;
    }
}
