package dev.coalmine.kube.argo;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.core.argo.RolloutPatches;
import dev.coalmine.core.engine.ObjectPatch;
import dev.coalmine.core.workload.ObjectName;
import dev.coalmine.kube.KubeErrors;
import dev.coalmine.kube.engines.EngineApis;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends {@code kubectl argo rollouts} commands' patches: as the plugin does, reads the Rollout, decides the patches
 * from it, patches the status subresource first and, on 404 there, sends the unified patch to the object instead.
 * The console previews {@link #plan} and sends what the operator confirmed.
 */
public final class RolloutActions {
    private final KubernetesClient client;
    private final Clock clock;

    public RolloutActions(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The Rollout as the API server has it now (one GET, as the plugin's first request). */
    public ArgoRollout read(String namespace, String name) {
        GenericKubernetesResource live;
        try {
            live = rollout(namespace, name).get();
        } catch (KubernetesClientException e) {
            throw new CoalmineException("Cannot read Rollout " + namespace + "/" + name + ": " + KubeErrors.describe(e), e);
        }
        if (live == null) {
            throw new CoalmineException("Rollout " + namespace + "/" + name + " does not exist in the cluster");
        }
        return RolloutReader.rollout(live);
    }

    /** The patches {@code command} would send now. */
    public RolloutPatches plan(String namespace, String name, RolloutCommand command) {
        return command.patchesFor(read(namespace, name), clock.instant());
    }

    /** Sends the patches; a cluster without the status subresource gets the unified patch instead of the spec one. */
    public void apply(String namespace, String name, RolloutPatches patches) {
        Optional<ObjectPatch> spec = patches.spec().map(ObjectPatch::spec);
        try {
            if (patches.status().isPresent()) {
                try {
                    send(namespace, name, ObjectPatch.status(patches.status().get()));
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 404 || patches.withoutStatusSubresource().isEmpty()) {
                        throw e;
                    }
                    spec = patches.withoutStatusSubresource();
                }
            }
            if (spec.isPresent()) {
                send(namespace, name, spec.get());
            }
        } catch (KubernetesClientException e) {
            throw new CoalmineException(patches.command() + " of Rollout " + namespace + "/" + name + " failed: "
                    + KubeErrors.describe(e), e);
        }
    }

    private void send(String namespace, String name, ObjectPatch patch) {
        Resource<GenericKubernetesResource> rollout = rollout(namespace, name);
        PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
        if (patch.target() == ObjectPatch.Target.STATUS) {
            rollout.subresource("status").patch(merge, patch.body());
        } else {
            rollout.patch(merge, patch.body());
        }
    }

    private Resource<GenericKubernetesResource> rollout(String namespace, String name) {
        return client.genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace(ObjectName.requireNamespace(namespace))
                .withName(ObjectName.requireDeployment(name));
    }
}
