package dev.coalmine.demo.server;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The custom resources of the two in-cluster canary engines, as their CRDs define them: Argo Rollouts
 * ({@code argoproj.io/v1alpha1}; a Rollout has the status and scale subresources, the analysis kinds none) and
 * Flagger ({@code flagger.app/v1beta1}; each kind with the status subresource).
 */
final class EngineResourceTypes {
    static final String ARGO = "argoproj.io";
    static final String FLAGGER = "flagger.app";

    private EngineResourceTypes() {
    }

    static List<ResourceType> all() {
        return List.of(
                type(ARGO, "v1alpha1", "Rollout", "rollouts", true, List.of("ro"), "status", "scale"),
                type(ARGO, "v1alpha1", "AnalysisTemplate", "analysistemplates", true, List.of("at")),
                type(ARGO, "v1alpha1", "ClusterAnalysisTemplate", "clusteranalysistemplates", false,
                        List.of("cat")),
                type(ARGO, "v1alpha1", "AnalysisRun", "analysisruns", true, List.of("ar")),
                type(FLAGGER, "v1beta1", "Canary", "canaries", true, List.of("canary"), "status"),
                type(FLAGGER, "v1beta1", "MetricTemplate", "metrictemplates", true, List.of("mt"), "status"),
                type(FLAGGER, "v1beta1", "AlertProvider", "alertproviders", true, List.of(), "status"));
    }

    private static ResourceType type(String group, String version, String kind, String plural, boolean namespaced,
            List<String> shortNames, String... subresources) {
        return new ResourceType(group, version, kind, plural, namespaced, shortNames,
                new LinkedHashSet<>(List.of(subresources)), ResourceType.ALL_VERBS);
    }
}
