package dev.coalmine.kube.release;

import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.time.Durations;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What about the stable's shape changes how a release behaves, said in the Prepare lines before anything is
 * written: an autoscaler that owns its replicas, the Recreate strategy, minReadySeconds, the progress deadline,
 * which of several containers the release changes, and the deploy tool whose source must get the new image.
 */
final class StableShape {
    private final KubernetesClient client;

    StableShape(KubernetesClient client) {
        this.client = client;
    }

    List<String> notes(Deployment stable, ReleasePlan plan) {
        List<String> notes = new ArrayList<>();
        autoscaler(stable).ifPresent(notes::add);
        var spec = stable.getSpec();
        if (recreates(stable)) {
            notes.add("stable uses the Recreate strategy: promotion replaces all of its pods at once (a short outage, "
                    + "as any rollout of it); canary and baseline are separate Deployments and are not affected");
        }
        if (spec.getMinReadySeconds() != null && spec.getMinReadySeconds() > 0) {
            notes.add("stable has minReadySeconds " + spec.getMinReadySeconds() + ": canary and baseline pods count as "
                    + "ready only that long after they pass their readiness probe");
        }
        notes.add(spec.getProgressDeadlineSeconds() == null
                ? "stable sets no progressDeadlineSeconds: a stuck rollout is caught by the steady-state timeout ("
                + Durations.format(plan.steadyStateTimeout()) + ")"
                : "a rollout that makes no progress for " + Durations.format(Duration.ofSeconds(
                spec.getProgressDeadlineSeconds())) + " (stable's progressDeadlineSeconds) fails the release");
        containers(stable, plan).ifPresent(notes::add);
        DeployToolNote.of(stable).ifPresent(notes::add);
        return notes;
    }

    /** Its rollouts are paused ({@code kubectl rollout pause}): a new template waits until it is resumed. */
    static boolean pausesRollouts(Deployment deployment) {
        return Boolean.TRUE.equals(deployment.getSpec().getPaused());
    }

    /** Its strategy is Recreate: an update replaces all its pods at once instead of rolling. */
    static boolean recreates(Deployment deployment) {
        var strategy = deployment.getSpec().getStrategy();
        return strategy != null && "Recreate".equals(strategy.getType());
    }

    private Optional<String> autoscaler(Deployment stable) {
        Optional<HorizontalPodAutoscaler> found;
        try {
            found = Autoscalers.scaling(client, stable);
        } catch (KubernetesClientException e) {
            return Optional.of("could not check whether an autoscaler scales " + stable.getMetadata().getName() + " (HTTP "
                    + e.getCode() + "); if one does, it keeps owning stable's replicas");
        }
        return found.map(h -> "stable is scaled by HorizontalPodAutoscaler " + h.getMetadata().getName() + " ("
                + (h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas()) + "\u2013"
                + h.getSpec().getMaxReplicas() + " replicas): the canary's size is taken from stable's current "
                + "replicas and is not autoscaled; promotion changes only the pod template, so the autoscaler "
                + "keeps owning stable's replicas; until wrap-up its metrics also average the canary's and baseline's "
                + "pods, which carry stable's labels");
    }

    /**
     * With several containers (init containers counted), which ones the release changes and which stay as they are:
     * an init container left out keeps the old version's image, which matters for a migration versioned with the app.
     */
    private static Optional<String> containers(Deployment stable, ReleasePlan plan) {
        var pod = stable.getSpec().getTemplate().getSpec();
        List<Container> app = pod.getContainers();
        List<Container> init = TemplateContainers.initContainers(pod);
        if (app.size() + init.size() < 2 || plan.fromManifest()) {
            return Optional.empty();
        }
        Set<String> named = plan.images().stream().map(ImageChange::container).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        // A change without a container name is the single app container's.
        List<String> changedApp = named.isEmpty() ? List.of(app.get(0).getName()) : names(app, named, true);
        List<String> keptApp = named.isEmpty() ? List.of() : names(app, named, false);
        List<String> changedInit = names(init, named, true);
        List<String> changed = new ArrayList<>();
        if (!changedApp.isEmpty()) {
            changed.add("container(s) " + String.join(", ", changedApp));
        }
        if (!changedInit.isEmpty()) {
            changed.add("init container(s) " + String.join(", ", changedInit));
        }
        List<String> kept = new ArrayList<>();
        if (!keptApp.isEmpty()) {
            kept.add(String.join(", ", keptApp) + (keptApp.size() == 1 ? " stays as it is" : " stay as they are"));
        }
        init.stream().filter(c -> !named.contains(c.getName()))
                .forEach(c -> kept.add("init container " + c.getName() + " keeps " + c.getImage()));
        return kept.isEmpty() ? Optional.empty()
                : Optional.of("changes " + String.join(" and ", changed) + "; " + String.join("; ", kept));
    }

    private static List<String> names(List<Container> containers, Set<String> named, boolean inNamed) {
        return containers.stream().map(Container::getName).filter(n -> named.contains(n) == inNamed).toList();
    }
}
