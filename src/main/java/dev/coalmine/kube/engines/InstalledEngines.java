package dev.coalmine.kube.engines;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * Which in-cluster canary engines the cluster serves, from API discovery ({@code GET /apis}): Argo Rollouts when
 * argoproj.io offers v1alpha1, Flagger when flagger.app offers v1beta1. A cluster without them costs nothing more.
 */
public record InstalledEngines(boolean argoRollouts, boolean flagger) {
    public static final InstalledEngines NONE = new InstalledEngines(false, false);

    /** Asks the API server once; an unreadable discovery counts as neither engine (the list then shows Deployments). */
    public static InstalledEngines detect(KubernetesClient client) {
        APIGroupList groups;
        try {
            groups = client.getApiGroups();
        } catch (KubernetesClientException e) {
            return NONE;
        }
        List<APIGroup> served = groups == null || groups.getGroups() == null ? List.of() : groups.getGroups();
        return new InstalledEngines(serves(served, EngineApis.ARGO_GROUP, EngineApis.ARGO_VERSION),
                serves(served, EngineApis.FLAGGER_GROUP, EngineApis.FLAGGER_VERSION));
    }

    private static boolean serves(List<APIGroup> groups, String group, String version) {
        return groups.stream().filter(g -> group.equals(g.getName())).anyMatch(g -> g.getVersions() != null
                && g.getVersions().stream().anyMatch(v -> version.equals(v.getVersion())));
    }

    public boolean any() {
        return argoRollouts || flagger;
    }
}
