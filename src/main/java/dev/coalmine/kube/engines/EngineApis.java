package dev.coalmine.kube.engines;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The custom resources of Argo Rollouts (argoproj.io/v1alpha1) and Flagger (flagger.app/v1beta1) the console reads. */
public final class EngineApis {
    public static final String ARGO_GROUP = "argoproj.io";
    public static final String ARGO_VERSION = "v1alpha1";
    public static final String FLAGGER_GROUP = "flagger.app";
    public static final String FLAGGER_VERSION = "v1beta1";

    public static final ResourceDefinitionContext ROLLOUTS = context(ARGO_GROUP, ARGO_VERSION, "Rollout", "rollouts");
    public static final ResourceDefinitionContext ANALYSIS_RUNS = context(ARGO_GROUP, ARGO_VERSION, "AnalysisRun",
            "analysisruns");
    public static final ResourceDefinitionContext ANALYSIS_TEMPLATES = context(ARGO_GROUP, ARGO_VERSION,
            "AnalysisTemplate", "analysistemplates");
    public static final ResourceDefinitionContext CANARIES = context(FLAGGER_GROUP, FLAGGER_VERSION, "Canary",
            "canaries");
    public static final ResourceDefinitionContext METRIC_TEMPLATES = context(FLAGGER_GROUP, FLAGGER_VERSION,
            "MetricTemplate", "metrictemplates");

    private EngineApis() {
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
