package dev.coalmine.kube.release;

import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the objects of a release from the live stable Deployment: {@code <name>-canary} (the new version),
 * {@code <name>-baseline} (a copy of the stable spec) and the rolled stable. Stable's selector never changes;
 * canary and baseline keep stable's pod labels so its Service sends them traffic by pod count.
 */
final class CanaryRenderer {
    private final KubernetesSerialization serialization;

    public CanaryRenderer(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** The pod template of the new version, with the config names stable will use after promotion. */
    public PodTemplateSpec newTemplate(Deployment stable, ReleasePlan plan, ManifestBundle manifest) {
        if (manifest != null) {
            PodTemplateSpec template = serialization.clone(manifest.deployment().getSpec().getTemplate());
            Map<String, String> labels = new LinkedHashMap<>(stable.getSpec().getTemplate().getMetadata().getLabels());
            if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
                labels.putAll(template.getMetadata().getLabels());
            }
            labels.putAll(selectorOf(stable));
            template.setMetadata(template.getMetadata() == null ? new ObjectMeta() : template.getMetadata());
            template.getMetadata().setLabels(labels);
            return template;
        }
        PodTemplateSpec template = serialization.clone(stable.getSpec().getTemplate());
        for (ImageChange change : plan.images()) {
            TemplateContainers.changedBy(template.getSpec(), change, stable.getMetadata().getName()).setImage(change.image());
        }
        return template;
    }

    public Deployment canary(Deployment stable, PodTemplateSpec newTemplate, int release, int replicas,
                             ConfigRenames renames) {
        PodTemplateSpec template = serialization.clone(newTemplate);
        renames.applyTo(template.getSpec());
        return derived(stable, template, ReleaseNames.canary(name(stable)), ReleaseNames.CANARY, release, replicas);
    }

    public Deployment baseline(Deployment stable, int release, int replicas) {
        return derived(stable, serialization.clone(stable.getSpec().getTemplate()), ReleaseNames.baseline(name(stable)),
                ReleaseNames.BASELINE, release, replicas);
    }

    /** The new template as stable gets it: its pods get the stable track label now, as the rollout happens anyway. */
    public PodTemplateSpec releasedTemplate(String workload, PodTemplateSpec newTemplate, int release) {
        PodTemplateSpec template = serialization.clone(newTemplate);
        template.getMetadata().getLabels().putAll(ReleaseNames.releaseLabels(workload, ReleaseNames.STABLE, release));
        return template;
    }

    /** Stable on {@code template} (rolled forward or back). */
    public Deployment stableOn(Deployment stable, PodTemplateSpec template) {
        Deployment rolled = serialization.clone(stable);
        rolled.getSpec().setTemplate(serialization.clone(template));
        rolled.setStatus(null);
        return rolled;
    }

    private Deployment derived(Deployment stable, PodTemplateSpec template, String name, String track, int release,
                               int replicas) {
        Deployment copy = serialization.clone(stable);
        Map<String, String> trackLabels = ReleaseNames.releaseLabels(name(stable), track, release);
        Map<String, String> labels = DeployToolLabels.without(orEmpty(stable.getMetadata().getLabels()));
        labels.putAll(trackLabels);
        labels.put(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE);
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(stable.getMetadata().getNamespace());
        meta.setLabels(labels);
        meta.setAnnotations(Map.of(ReleaseNames.STABLE_ANNOTATION, name(stable)));
        copy.setMetadata(meta);
        copy.setStatus(null);
        copy.getSpec().setReplicas(replicas);
        copy.getSpec().getSelector().setMatchLabels(merged(selectorOf(stable), trackLabels));
        template.getMetadata().setLabels(merged(template.getMetadata().getLabels(), trackLabels));
        copy.getSpec().setTemplate(template);
        return copy;
    }

    static Map<String, String> selectorOf(Deployment d) {
        return orEmpty(d.getSpec().getSelector().getMatchLabels());
    }

    private static String name(Deployment d) {
        return d.getMetadata().getName();
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(orEmpty(base));
        all.putAll(extra);
        return all;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
