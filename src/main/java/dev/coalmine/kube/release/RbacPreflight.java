package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.traffic.RoutingKind;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the API server (SelfSubjectRulesReview, else SelfSubjectAccessReview) whether we may do everything a release
 * needs, before any change.
 */
final class RbacPreflight {
    private final KubernetesClient client;

    public RbacPreflight(KubernetesClient client) {
        this.client = client;
    }

    /**
     * What a release needs in its namespace, read off what the engine does: the shared cache lists and watches
     * Deployments, pods, Events, state ConfigMaps and Leases; the driver reads and writes Deployments, ConfigMaps,
     * Leases and Events; the console reads pod logs. Secrets only when the manifest brings some.
     */
    public static List<Permission> neededFor(boolean withSecrets) {
        return neededFor(withSecrets, TrafficProvider.REPLICAS);
    }

    /**
     * With weighted routing also the track Services and the router's objects: read, create, change (the operator's
     * route, restored at the end) and delete; and listing ReplicaSets, since the stable track Service is pinned to
     * stable's current one.
     */
    public static List<Permission> neededFor(boolean withSecrets, TrafficProvider traffic) {
        List<Permission> all = new ArrayList<>();
        List<RoutingKind> routing = RoutingKind.writtenBy(traffic);
        for (RoutingKind kind : routing) {
            add(all, kind.group(), kind.plural(), "get", "list", "create", "update", "delete");
        }
        if (!routing.isEmpty()) {
            add(all, "apps", "replicasets", "list");
        }
        add(all, "apps", "deployments", "get", "list", "watch", "create", "update", "delete");
        add(all, "", "configmaps", "get", "list", "watch", "create", "update", "delete");
        if (withSecrets) {
            add(all, "", "secrets", "get", "list", "create", "update", "delete");
        }
        add(all, "", "pods", "get", "list", "watch");
        add(all, "", "pods/log", "get");
        add(all, "coordination.k8s.io", "leases", "get", "list", "watch", "create", "update");
        add(all, "", "events", "get", "list", "watch", "create", "update");
        return all;
    }

    private static void add(List<Permission> all, String group, String resource, String... verbs) {
        for (String verb : verbs) {
            all.add(new Permission(verb, group, resource));
        }
    }

    /**
     * Throws, naming every missing permission, unless all are granted in {@code namespace}. One
     * SelfSubjectRulesReview answers for all of them; only what its rules do not grant, when the server says the
     * list is incomplete (or cannot list rules at all), is asked again one SelfSubjectAccessReview each.
     */
    public void check(String namespace, List<Permission> needed) {
        SubjectRulesReviewStatus rules = rulesReview(namespace);
        boolean complete = rules != null && !Boolean.TRUE.equals(rules.getIncomplete())
                && (rules.getEvaluationError() == null || rules.getEvaluationError().isBlank());
        List<String> missing = new ArrayList<>();
        for (Permission p : needed) {
            boolean allowed = rules != null && grants(rules.getResourceRules(), p);
            if (!allowed && !complete) {
                allowed = accessReview(namespace, p);
            }
            if (!allowed) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new CoalmineException("missing permission in namespace " + namespace + ": cannot "
                    + String.join(", cannot ", missing) + "; ask a cluster admin for a Role that grants "
                    + (missing.size() == 1 ? "it" : "them") + " (checked with "
                    + (complete ? "SelfSubjectRulesReview" : "SelfSubjectAccessReview") + ")");
        }
    }

    /** The rules the server lists for us in {@code namespace}, or null when it cannot list them. */
    private SubjectRulesReviewStatus rulesReview(String namespace) {
        try {
            SelfSubjectRulesReview review = client.authorization().v1().selfSubjectRulesReview()
                    .create(new SelfSubjectRulesReviewBuilder().withNewSpec().withNamespace(namespace).endSpec().build());
            return review == null ? null : review.getStatus();
        } catch (KubernetesClientException e) {
            return null;
        }
    }

    /** A rule limited to some resource names does not grant the verb on every object, so it does not count. */
    static boolean grants(List<ResourceRule> rules, Permission p) {
        for (ResourceRule rule : rules == null ? List.<ResourceRule>of() : rules) {
            boolean unrestricted = rule.getResourceNames() == null || rule.getResourceNames().isEmpty();
            if (unrestricted && matches(rule.getVerbs(), p.verb()) && matches(rule.getApiGroups(), p.group())
                    && matches(rule.getResources(), p.resource())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed != null && (allowed.contains("*") || allowed.contains(value));
    }

    private boolean accessReview(String namespace, Permission p) {
        SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                        .withNamespace(namespace).withVerb(p.verb()).withGroup(p.group()).withResource(p.baseResource())
                        .withSubresource(p.subresource())
                        .endResourceAttributes().endSpec().build());
        return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
    }
}
