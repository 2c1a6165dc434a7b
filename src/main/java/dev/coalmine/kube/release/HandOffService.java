package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.engine.ArgoRolloutRendering;
import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.engine.FlaggerCanaryRendering;
import dev.coalmine.core.engine.HandOff;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hands a planned release to an in-cluster engine: renders the Argo Rollout (and AnalysisTemplate) or the Flagger
 * Canary (and MetricTemplates), checks permissions and dry-runs every write, applies them, waits until the engine
 * has taken over the Deployment's current version, then sets the new images on the Deployment, which stays the
 * source of truth. From then on the engine runs the release; no Coalmine process needs to stay.
 */
public final class HandOffService {
    private static final int IMAGE_ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofMillis(500);
    private final KubernetesClient client;

    public HandOffService(KubernetesClient client) {
        this.client = client;
    }

    /** Coalmine, and each engine whose API group the cluster serves. */
    public Set<Engine> installedEngines() {
        Set<Engine> engines = EnumSet.of(Engine.COALMINE);
        Set<String> served = new java.util.HashSet<>();
        var groups = client.getApiGroups();
        if (groups != null && groups.getGroups() != null) {
            groups.getGroups().forEach(g -> served.add(g.getName()));
        }
        for (Engine e : Engine.values()) {
            if (e.inCluster() && served.contains(e.apiGroup())) {
                engines.add(e);
            }
        }
        return engines;
    }

    public void requireInstalled(Engine engine) {
        if (!installedEngines().contains(engine)) {
            throw new CoalmineException("the cluster does not serve the " + engine.apiGroup() + " API group, so "
                    + engine.id() + " is not installed: install its CRDs and controller, or choose --engine "
                    + "coalmine");
        }
    }

    /**
     * The objects the hand-off would apply, in apply order, and what it means for objects it leaves alone (the
     * Deployment's autoscaler), to be said before anything is applied.
     */
    public record Rendering(List<Map<String, Object>> objects, List<String> notes) {
    }

    /** What the hand-off would apply and what that means. Changes nothing. */
    public Rendering rendering(ReleasePlan plan, Engine engine) {
        requireInstalled(engine);
        HandOffInputs.Read read = HandOffInputs.of(client, plan, engine);
        HandOff handOff = read.handOff();
        String name = plan.deployment();
        Rendering engines;
        String scalesItDown;
        if (engine == Engine.FLAGGER) {
            engines = new Rendering(FlaggerCanaryRendering.render(handOff), FlaggerCanaryRendering.notes(handOff));
            scalesItDown = "Flagger scales Deployment " + name + " to 0 and serves from " + name + "-primary";
        } else {
            engines = new Rendering(ArgoRolloutRendering.render(handOff), ArgoRolloutRendering.notes(handOff));
            scalesItDown = "Argo Rollouts scales Deployment " + name + " to 0 once the Rollout is healthy";
        }
        List<String> notes = new ArrayList<>(engines.notes());
        notes.addAll(read.notes());
        DeployToolNote.of(read.deployment(), "the hand-off sets the new images on the live Deployment only")
                .ifPresent(notes::add);
        DeployToolNote.scaledDownUnderArgoCd(read.deployment(), scalesItDown).ifPresent(notes::add);
        return new Rendering(engines.objects(), notes);
    }

    /** The objects the hand-off would apply, in apply order. Changes nothing. */
    public List<Map<String, Object>> render(ReleasePlan plan, Engine engine) {
        return rendering(plan, engine).objects();
    }

    /** The objects as one YAML stream. */
    public String yaml(List<Map<String, Object>> objects) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> o : objects) {
            out.append(client.getKubernetesSerialization().asYaml(o).replaceFirst("^---\\n", ""));
            out.append("---\n");
        }
        return out.toString();
    }

    /** What the wizard's review shows: the objects, and what the dry run and the RBAC check said of them. */
    public record Review(String yaml, List<String> notes, List<String> dryRunProblems, List<String> rbacProblems) {
    }

    /** Renders, checks RBAC and dry-runs every write of the hand-off; changes nothing. */
    public Review review(ReleasePlan plan, Engine engine) {
        List<String> rbac = new ArrayList<>();
        try {
            new RbacPreflight(client).check(plan.namespace(), permissions(engine));
        } catch (CoalmineException e) {
            rbac.add(e.getMessage());
        }
        Rendering rendering;
        try {
            rendering = rendering(plan, engine);
        } catch (KubernetesClientException e) {
            // Rendering reads the Deployment and its Services: without those rights, the check above said why.
            throw rbac.isEmpty() ? e : new CoalmineException(String.join("; ", rbac));
        }
        List<Map<String, Object>> objects = rendering.objects();
        List<String> dryRun = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            try {
                new HandOffWrite(client, resource(o), context(o)).dryRun();
            } catch (CoalmineException e) {
                dryRun.add(e.getMessage());
            }
        }
        try {
            setImages(plan, true);
        } catch (CoalmineException e) {
            dryRun.add(e.getMessage());
        }
        return new Review(yaml(objects), rendering.notes(), dryRun, rbac);
    }

    /**
     * Applies the rendered objects and the new images; returns when the engine has started on them. Nothing is
     * written unless every write passed the RBAC check and the server's dry run.
     *
     * @param notes told the rendering's notes once the RBAC check passed, before anything is dry-run or written
     */
    public List<Map<String, Object>> start(ReleasePlan plan, Engine engine, boolean skipDryRun, Duration takeOver,
                                           Consumer<String> notes) {
        new RbacPreflight(client).check(plan.namespace(), permissions(engine));
        Rendering rendering = rendering(plan, engine);
        rendering.notes().forEach(notes);
        List<Map<String, Object>> objects = rendering.objects();
        List<HandOffWrite> writes = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            writes.add(new HandOffWrite(client, resource(o), context(o)));
        }
        if (!skipDryRun) {
            writes.forEach(HandOffWrite::dryRun);
            setImages(plan, true);
        }
        writes.forEach(HandOffWrite::apply);
        awaitTakeOver(plan, engine, takeOver);
        setImages(plan, false);
        return objects;
    }

    private void awaitTakeOver(ReleasePlan plan, Engine engine, Duration limit) {
        ResourceDefinitionContext type = engine == Engine.FLAGGER ? HandOffWrite.CANARIES : HandOffWrite.ROLLOUTS;
        Predicate<Map<?, ?>> ready = engine == Engine.FLAGGER
                ? s -> List.of("Initialized", "Succeeded", "Failed").contains(String.valueOf(s.get("phase")))
                : s -> "Healthy".equals(s.get("phase")) && s.get("stableRS") != null;
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            GenericKubernetesResource r = client.genericKubernetesResources(type).inNamespace(plan.namespace())
                    .withName(plan.deployment()).get();
            Object status = r == null ? null : r.getAdditionalProperties().get("status");
            if (status instanceof Map<?, ?> s && ready.test(s) && deploymentReleased(plan, engine)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CoalmineException(engine.id() + " did not take over " + plan.deployment() + " within "
                        + limit.toSeconds() + " s (its " + type.getKind() + " is " + (status == null ? "without status"
                        : "in phase " + ((Map<?, ?>) status).get("phase")) + "): is its controller running? "
                        + "The new images were not set.");
            }
            sleep();
        }
    }

    /** The engine runs the current version itself: Argo scales the Deployment down, Flagger the target. */
    private boolean deploymentReleased(ReleasePlan plan, Engine engine) {
        Deployment d = client.apps().deployments().inNamespace(plan.namespace()).withName(plan.deployment()).get();
        return d != null && (d.getSpec().getReplicas() == null || d.getSpec().getReplicas() == 0);
    }

    private void setImages(ReleasePlan plan, boolean dryRun) {
        var deployment = client.apps().deployments().inNamespace(plan.namespace()).withName(plan.deployment());
        for (int attempt = 1; ; attempt++) {
            try {
                (dryRun ? deployment.dryRun() : deployment).edit(d -> {
                    for (ImageChange change : plan.images()) {
                        TemplateContainers.changedBy(d.getSpec().getTemplate().getSpec(), change, plan.deployment())
                                .setImage(change.image());
                    }
                    return d;
                });
                return;
            } catch (KubernetesClientException e) {
                // The engine's controller scales the Deployment too: on a conflict, read it again and set the images.
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == IMAGE_ATTEMPTS) {
                    throw new CoalmineException("the cluster refused the new images of " + plan.deployment() + ": "
                            + HandOffWrite.reason(e));
                }
            }
        }
    }

    static List<Permission> permissions(Engine engine) {
        List<Permission> all = new ArrayList<>();
        String group = engine.apiGroup();
        List<String> kinds = engine == Engine.FLAGGER ? List.of("canaries", "metrictemplates")
                : List.of("rollouts", "analysistemplates");
        for (String resource : kinds) {
            for (String verb : List.of("get", "create", "update")) {
                all.add(new Permission(verb, group, resource));
            }
        }
        all.add(new Permission("get", "apps", "deployments"));
        all.add(new Permission("patch", "apps", "deployments"));
        all.add(new Permission("list", "", "services")); // the port of the Service in front of the Deployment
        return all;
    }

    private GenericKubernetesResource resource(Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }

    private static ResourceDefinitionContext context(Map<String, Object> object) {
        return HandOffWrite.context(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoalmineException("interrupted while waiting for the engine to take over");
        }
    }
}
