package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.RequestShare;
import dev.coalmine.core.time.Durations;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.traffic.ReleaseRouting;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/** The Prepare step: reads the live stable, fixes the release's snapshot, renders its objects, dry-runs them. */
final class ReleasePreparer {
    private final KubernetesClient client;
    private final CanaryRenderer renderer;
    private final ReleaseActions actions;
    private final ClusterWrites writes;
    private final KubernetesSerialization serialization;
    private final ReleaseSecretStore secretStore;
    private final StableShape shape;
    private final SecureRandom random = new SecureRandom();
    private static final String SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    ReleasePreparer(KubernetesClient client, CanaryRenderer renderer, ReleaseActions actions) {
        this.client = client;
        this.renderer = renderer;
        this.actions = actions;
        this.writes = new ClusterWrites(client);
        this.serialization = client.getKubernetesSerialization();
        this.secretStore = new ReleaseSecretStore(client);
        this.shape = new StableShape(client);
    }

    /** The live stable, once it passed the {@link StartChecks}: every plan and dry run reads it here first. */
    Deployment stable(ReleasePlan plan) {
        return stable(plan, name -> client.apps().deployments().inNamespace(plan.namespace()).withName(name).get());
    }

    /** Like {@link #stable(ReleasePlan)}, reading the Deployments through {@code deployments} (a start: its watch). */
    Deployment stable(ReleasePlan plan, Function<String, Deployment> deployments) {
        Deployment stable = deployments.apply(plan.deployment());
        if (stable == null) {
            throw new CoalmineException("Deployment " + plan.deployment() + " not found in namespace " + plan.namespace()
                    + "; check the name and -n NAMESPACE");
        }
        StartChecks.refuseIfUnsafe(plan, stable, deployments);
        return stable;
    }

    /**
     * A release ready to be saved: its state (whose plan keeps the manifest without Secret data), the Secret data,
     * and the Secret that will hold it (null when the manifest has no Secrets); {@code notes}: what the stable's shape
     * means for this release (an autoscaler, the Recreate strategy…), among its Prepare lines and shown before a start.
     */
    record Prepared(ReleaseState state, ReleaseSecrets secrets, Secret secretData, List<String> notes) {
    }

    /**
     * A new release (not saved yet) with its snapshot and the Prepare lines; a weighted one also with S named in its
     * plan and its routing objects recorded before any is written.
     */
    Prepared prepare(ReleasePlan plan, int number, Deployment stable, Instant now) {
        if (!plan.weighted()) {
            return prepareWorkload(plan, number, stable, now);
        }
        ReleaseRouting.Prepared routing = actions.routes().routing().prepare(plan, stable,
                actions.routes().owner(plan, stable));
        ReleasePlan named = plan.withTraffic(routing.traffic());
        Prepared prepared = prepareWorkload(named, number, stable, now);
        TrafficPlan traffic = routing.traffic();
        List<String> lines = new ArrayList<>(List.of(traffic.provider().word() + " routing of Service "
                        + traffic.service() + ": " + traffic.describeLadder(), traffic.describeTimeToPromote()
                        + "; time to roll back " + Durations.format(traffic.timeToRollBack(
                        named.judge().settings().analysis().maxFailedChecks())) + " (interval × failed-check limit)"));
        traffic.headerIfAny().ifPresent(h -> lines.add("requests with header " + h + " go to the canary"));
        routing.records().forEach(r -> lines.add("routing: " + r.describe()));
        return new Prepared(prepared.state().withTraffic(TrafficState.planned(routing.records()))
                .withPrepareLines(now, lines), prepared.secrets(), prepared.secretData(), prepared.notes());
    }

    private Prepared prepareWorkload(ReleasePlan plan, int number, Deployment stable, Instant now) {
        int stableReplicas = stable.getSpec().getReplicas() == null ? 1 : stable.getSpec().getReplicas();
        int canaryReplicas = plan.size().requireFits(stableReplicas).replicasFor(stableReplicas);
        ManifestBundle.Selection selection = plan.fromManifest()
                ? ManifestBundle.select(plan.manifestYaml(), plan.deployment(), serialization) : null;
        ManifestBundle manifest = selection == null ? null : selection.bundle();
        PodTemplateSpec newTemplate = renderer.newTemplate(stable, plan, manifest);
        boolean withSecrets = manifest != null && !manifest.secrets().isEmpty();
        String secretDataName = withSecrets ? ReleaseNames.secretData(plan.deployment(), number, suffix()) : null;
        Map<String, Map<String, String>> previousSecrets = new HashMap<>();
        StartSnapshot snapshot = snapshot(plan, number, stable, manifest, newTemplate, secretDataName, previousSecrets);
        List<String> lines = new ArrayList<>(List.of(
                "release " + number + " of " + plan.namespace() + "/" + plan.deployment() + ": canary " + canaryReplicas
                        + " pod(s) (" + plan.size().describe() + ", stable has " + stableReplicas + "), "
                        + (plan.baseline() ? "baseline " + canaryReplicas + " pod(s)" : "no baseline")
                        + ", judge " + (plan.judge().isAutomatic() ? "automatic" : "manual"),
                renamedNames(snapshot).isEmpty() ? "no versioned config needed"
                        : "versioned config for the canary: " + String.join(", ", renamedNames(snapshot))));
        if (!plan.weighted()) {
            RequestShare share = RequestShare.of(plan.size(), stableReplicas, plan.baseline());
            lines.add("the canary gets " + share.describe());
            share.warning().ifPresent(w -> lines.add("warning: " + w));
        }
        List<String> notes = shape.notes(stable, plan);
        lines.addAll(notes);
        if (!withSecrets) {
            // Only what the release uses is stored: a manifest's other documents (a Secret the Deployment does not
            // use, say) stay out of the state, whoever can read it.
            ReleasePlan stored = selection == null || selection.ignored().isEmpty() ? plan
                    : plan.withManifestYaml(manifest.toYaml(serialization));
            return new Prepared(ReleaseState.start(number, stored, canaryReplicas, serialization.asJson(snapshot), lines,
                    now), ReleaseSecrets.none(), null, notes);
        }
        lines.add("the Secrets' data is kept in Secret " + secretDataName + ", not in the release state");
        ReleasePlan stored = plan.withManifestYaml(manifest.withoutSecretData(secretDataName).toYaml(serialization));
        // stringData folded into data, as the API server would: the copies and live Secrets then get exactly this.
        List<Secret> manifestSecrets = manifest.secrets().stream()
                .map(s -> new SecretBuilder(s).withData(encoded(s)).withStringData(null).build()).toList();
        ReleaseSecrets secrets = new ReleaseSecrets(manifestSecrets, previousSecrets);
        return new Prepared(ReleaseState.start(number, stored, canaryReplicas, serialization.asJson(snapshot), lines, now),
                secrets, secretStore.toSecret(plan.namespace(), plan.deployment(), number, secretDataName, secrets), notes);
    }

    List<HasMetadata> objects(Prepared prepared, Deployment stable) {
        ReleaseState state = prepared.state();
        List<HasMetadata> all = new ArrayList<>();
        if (prepared.secretData() != null) {
            all.add(prepared.secretData());
        }
        all.addAll(actions.objectsToWrite(state, snapshotOf(state), prepared.secrets(), stable));
        if (state.plan().weighted()) {
            all.addAll(actions.routes().route(state, stable).trackServices());
        }
        return all;
    }

    /** Server-side dry run of every object the release will write; the first refusal stops the release. */
    int dryRun(Prepared prepared, Deployment stable) {
        return dryRunWorkload(prepared, stable) + dryRunRouting(prepared.state(), stable);
    }

    /** The routing objects at the first step's weight (the track Services are dry-run with the workload's objects). */
    private int dryRunRouting(ReleaseState state, Deployment stable) {
        if (!state.plan().weighted()) {
            return 0;
        }
        try {
            return actions.routes().route(state, stable).dryRun(state.plan().traffic().weightAt(0));
        } catch (KubernetesClientException e) {
            throw new CoalmineException("the server-side dry run refused the " + state.plan().traffic().provider().word()
                    + " routing: " + e.getMessage() + " (nothing was changed)", e);
        }
    }

    private int dryRunWorkload(Prepared prepared, Deployment stable) {
        List<HasMetadata> objects = objects(prepared, stable);
        for (HasMetadata o : objects) {
            try {
                if (o instanceof Deployment d) {
                    // Stable was just read; canary and baseline are normally absent (a leftover one costs a retry).
                    writes.dryRun(d, d.getMetadata().getName().equals(stable.getMetadata().getName()) ? stable : null);
                } else {
                    writes.dryRun(o);
                }
            } catch (KubernetesClientException e) {
                throw new CoalmineException("the server-side dry run refused " + o.getKind() + " "
                        + o.getMetadata().getName() + ": " + e.getMessage() + " (nothing was changed)", e);
            }
        }
        return objects.size();
    }

    /** Creates the Secret holding the Secrets' data, if the release has one: the first write of a release. */
    void keepSecretData(Prepared prepared) {
        if (prepared.secretData() != null) {
            secretStore.create(prepared.secretData());
        }
    }

    /** Deletes that Secret again when the release could not be recorded after all. */
    void dropSecretData(Prepared prepared) {
        if (prepared.secretData() != null) {
            secretStore.delete(prepared.secretData());
        }
    }

    StartSnapshot snapshotOf(ReleaseState state) {
        return serialization.unmarshal(state.clusterSnapshot(), StartSnapshot.class);
    }

    /** Also fills {@code previousSecrets} with the data of the live Secrets a promotion will overwrite. */
    private StartSnapshot snapshot(ReleasePlan plan, int number, Deployment stable, ManifestBundle manifest,
                                   PodTemplateSpec newTemplate, String secretDataName,
                                   Map<String, Map<String, String>> previousSecrets) {
        Map<String, String> cmRenames = new LinkedHashMap<>();
        Map<String, String> secretRenames = new LinkedHashMap<>();
        Map<String, Map<String, String>> previous = new HashMap<>();
        if (manifest != null) {
            for (ConfigMap cm : manifest.configMaps()) {
                String name = cm.getMetadata().getName();
                ConfigMap live = client.configMaps().inNamespace(plan.namespace()).withName(name).get();
                if (live == null || !Objects.equals(orEmpty(live.getData()), orEmpty(cm.getData()))
                        || !Objects.equals(orEmpty(live.getBinaryData()), orEmpty(cm.getBinaryData()))) {
                    cmRenames.put(name, ReleaseNames.versionedConfig(name, number));
                    previous.put(name, live == null ? null : orEmpty(live.getData()));
                }
            }
            for (Secret s : manifest.secrets()) {
                String name = s.getMetadata().getName();
                Secret live = client.secrets().inNamespace(plan.namespace()).withName(name).get();
                if (live == null || !orEmpty(live.getData()).equals(encoded(s))) {
                    secretRenames.put(name, ReleaseNames.versionedConfig(name, number));
                    previousSecrets.put(name, live == null ? null : orEmpty(live.getData()));
                }
            }
        }
        return new StartSnapshot(newTemplate, serialization.clone(stable.getSpec().getTemplate()), cmRenames,
                secretRenames, previous, secretDataName);
    }

    private String suffix() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            b.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return b.toString();
    }

    private static Map<String, String> encoded(Secret s) {
        Map<String, String> data = new HashMap<>(orEmpty(s.getData()));
        orEmpty(s.getStringData()).forEach((k, v) ->
                data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return data;
    }

    private static List<String> renamedNames(StartSnapshot s) {
        return Stream.concat(s.configMapRenames().values().stream(),
                s.secretRenames().values().stream()).toList();
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}
