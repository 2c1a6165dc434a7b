package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.engine.EngineMetric;
import dev.coalmine.core.engine.HandOff;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.metrics.MetricQuery;
import dev.coalmine.metrics.QueryPreset;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads what a hand-off needs from the cluster and the plan: the Deployment's shape and the judge's metrics. */
final class HandOffInputs {
    /** Where the demo cluster's metrics are served in-cluster; its simulated engines read them directly. */
    static final String DEMO_METRICS = "http://demo-metrics.coalmine-demo:80";

    private HandOffInputs() {
    }

    /** The hand-off, the Deployment it was read from, and what could not be read, said as notes. */
    record Read(HandOff handOff, Deployment deployment, List<String> notes) {
    }

    static Read of(KubernetesClient client, ReleasePlan plan, Engine engine) {
        if (plan.fromManifest()) {
            throw new CoalmineException("a release from a manifest cannot be handed to " + engine.id()
                    + " yet: give the new images with --image");
        }
        if (engine == Engine.FLAGGER && !plan.judge().isAutomatic()) {
            throw new CoalmineException("Flagger promotes on its own and cannot wait for a person: add --judge auto, "
                    + "or hand the release to argo-rollouts, whose pause step waits for a promote");
        }
        Deployment d = client.apps().deployments().inNamespace(plan.namespace()).withName(plan.deployment()).get();
        if (d == null) {
            throw new CoalmineException("Deployment " + plan.namespace() + "/" + plan.deployment() + " not found");
        }
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int canary = plan.size().replicasFor(Math.max(1, replicas));
        JudgeSettings settings = plan.judge().settings();
        List<EngineMetric> metrics = plan.judge().isAutomatic() ? metrics(settings) : List.of();
        List<String> notes = new ArrayList<>();
        return new Read(new HandOff(plan.namespace(), plan.deployment(), Math.max(1, replicas),
                d.getSpec().getSelector().getMatchLabels(), servicePort(client, d), HandOff.weightOf(canary,
                Math.max(1, replicas)), plan.judge().isAutomatic(), settings.interval(),
                settings.analysis().passingChecksToPromote(), settings.analysis().maxFailedChecks(), metrics,
                prometheusAddress(settings.location()), autoscaler(client, d, notes)), d, notes);
    }

    /**
     * The autoscaler's name, or null when none scales the Deployment or none could be listed; the latter is said in
     * {@code notes}, since the rendering then cannot account for one.
     */
    private static String autoscaler(KubernetesClient client, Deployment d, List<String> notes) {
        try {
            return Autoscalers.scaling(client, d).map(h -> h.getMetadata().getName()).orElse(null);
        } catch (KubernetesClientException e) {
            notes.add("could not list HorizontalPodAutoscalers in " + d.getMetadata().getNamespace() + " (HTTP "
                    + e.getCode() + "): if one scales " + d.getMetadata().getName() + ", the hand-off does not account "
                    + "for it (Flagger's Canary would need autoscalerRef; for Argo Rollouts, point its scaleTargetRef "
                    + "at the Rollout)");
            return null;
        }
    }

    /** The judge's success rate and latency queries with their limits; custom metrics have no limit to hand over. */
    private static List<EngineMetric> metrics(JudgeSettings settings) {
        List<EngineMetric> out = new ArrayList<>();
        QueryPreset preset = QueryPreset.parse(settings.preset());
        List<MetricQuery> queries = preset.queriesWith(settings.customQueries().entrySet().stream()
                .map(e -> MetricQuery.parseCustom(e.getKey() + "=" + e.getValue())).toList());
        for (MetricQuery q : queries) {
            OptionalDouble min = q.spec().name().equals(MetricSpec.SUCCESS_RATE)
                    ? settings.thresholds().minSuccessRatePercent() : OptionalDouble.empty();
            OptionalDouble max = q.spec().name().equals(MetricSpec.LATENCY)
                    ? settings.thresholds().maxLatencyMs() : OptionalDouble.empty();
            if (min.isPresent() != max.isPresent()) {
                out.add(new EngineMetric(q.spec().name(), q.template(), min, max));
            }
        }
        return out;
    }

    private static String prometheusAddress(MetricsLocation location) {
        if (location instanceof MetricsLocation.PrometheusUrl url) {
            return url.url();
        }
        if (location instanceof MetricsLocation.PrometheusService service) {
            String[] parts = service.namespaceServicePort().split("[/:]");
            return parts.length == 3 ? "http://" + parts[1] + "." + parts[0] + ":" + parts[2]
                    : "http://" + service.namespaceServicePort();
        }
        return DEMO_METRICS;
    }

    /** The port of the Service that selects the Deployment's pods, else the first container port, else 80. */
    private static int servicePort(KubernetesClient client, Deployment d) {
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        for (Service s : client.services().inNamespace(d.getMetadata().getNamespace()).list().getItems()) {
            Map<String, String> selector = s.getSpec().getSelector();
            if (selector != null && !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet())
                    && !s.getSpec().getPorts().isEmpty()) {
                return s.getSpec().getPorts().get(0).getPort();
            }
        }
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty() : c.getPorts().stream())
                .map(ContainerPort::getContainerPort).findFirst().orElse(80);
    }
}
