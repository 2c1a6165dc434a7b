package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.Map;

/**
 * The controllers' writes. Status goes only through the {@code /status} subresource and spec/metadata only
 * through the main resource, as on a real API server. Merge patches are unconditional: each field they
 * touch (replicas, nodeName, annotations) has exactly one simulated owner.
 */
final class ClusterWriter {
    private final KubernetesClient client;

    ClusterWriter(KubernetesClient client) {
        this.client = client;
    }

    <T extends HasMetadata> T create(T object) {
        return client.resource(object).create();
    }

    /** JSON merge patch of the main resource (spec, metadata). */
    <T extends HasMetadata> T mergePatch(T object, Map<String, Object> patch) {
        return client.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }

    /**
     * Replaces the status of {@code object} with its status field, through the status subresource. The write
     * carries the resourceVersion that was read, so a concurrent change answers 409 and the next pass retries.
     */
    <T extends HasMetadata> T writeStatus(T object) {
        return client.resource(object).updateStatus();
    }

    /** Deletes a pod whose containers have stopped, without a further grace period. */
    void deleteNow(HasMetadata object) {
        try {
            client.resource(object).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Deletes the object; one that is already gone counts as deleted. */
    void delete(HasMetadata object) {
        try {
            client.resource(object).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }
}
