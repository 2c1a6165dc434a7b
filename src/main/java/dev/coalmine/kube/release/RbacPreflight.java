package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** Asks the API server (SelfSubjectAccessReview) whether we may do everything a release needs, before any change. */
public final class RbacPreflight {
    private final KubernetesClient client;

    public RbacPreflight(KubernetesClient client) {
        this.client = client;
    }

    /** What a release needs in its namespace; Secrets only when the manifest brings some. */
    public static List<Permission> neededFor(boolean withSecrets) {
        List<Permission> all = new ArrayList<>();
        for (String verb : List.of("get", "list", "watch", "create", "update", "delete")) {
            all.add(new Permission(verb, "apps", "deployments"));
        }
        for (String verb : List.of("get", "list", "create", "update", "delete")) {
            all.add(new Permission(verb, "", "configmaps"));
        }
        if (withSecrets) {
            for (String verb : List.of("get", "list", "create", "update", "delete")) {
                all.add(new Permission(verb, "", "secrets"));
            }
        }
        all.add(new Permission("list", "", "pods"));
        for (String verb : List.of("get", "create", "update")) {
            all.add(new Permission(verb, "coordination.k8s.io", "leases"));
        }
        all.add(new Permission("create", "", "events"));
        return all;
    }

    /** Throws, naming every missing permission, unless all are granted in {@code namespace}. */
    public void check(String namespace, List<Permission> needed) {
        List<String> missing = new ArrayList<>();
        for (Permission p : needed) {
            SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
                    .create(new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                            .withNamespace(namespace).withVerb(p.verb()).withGroup(p.group()).withResource(p.resource())
                            .endResourceAttributes().endSpec().build());
            boolean allowed = review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
            if (!allowed) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new CoalmineException("missing permission in namespace " + namespace + ": cannot "
                    + String.join(", cannot ", missing) + "; ask a cluster admin for a Role that grants "
                    + (missing.size() == 1 ? "it" : "them") + " (checked with SelfSubjectAccessReview)");
        }
    }
}
