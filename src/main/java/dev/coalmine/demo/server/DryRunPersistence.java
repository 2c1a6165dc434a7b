package dev.coalmine.demo.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudPersistence;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;

/**
 * The store seen through {@code dryRun=All}: the mock's own create/update handlers validate and build the
 * answer as usual, but nothing they produce is stored or announced to watchers.
 */
final class DryRunPersistence implements KubernetesCrudPersistence {
    private final KubernetesCrudPersistence store;

    DryRunPersistence(KubernetesCrudPersistence store) {
        this.store = store;
    }

    @Override
    public long requestResourceVersion() {
        return store.requestResourceVersion();
    }

    @Override
    public AttributeSet getKey(String path) {
        return store.getKey(path);
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        return store.findResource(attributes);
    }

    @Override
    public boolean isStatusSubresourceEnabledForResource(String path) {
        return store.isStatusSubresourceEnabledForResource(path);
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        // dry run: the result is returned to the caller only
    }

    @Override
    public void reset() {
        // nothing of its own to reset
    }
}
