package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Map;

/** Create-or-update and careful delete, each safe to run again. */
final class ClusterWrites {
    private static final int MAX_ATTEMPTS = 10;
    private final KubernetesClient client;

    ClusterWrites(KubernetesClient client) {
        this.client = client;
    }

    /** Creates {@code desired}, or updates the live object to it (locked on the live resourceVersion). */
    <T extends HasMetadata> T upsert(T desired) {
        for (int attempt = 1; ; attempt++) {
            HasMetadata live = client.resource(desired).get();
            try {
                if (live == null) {
                    return client.resource(desired).create();
                }
                desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
                return client.resource(desired).update();
            } catch (KubernetesClientException e) {
                boolean raced = e.getCode() == HttpURLConnection.HTTP_CONFLICT;
                if (!raced || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            } finally {
                desired.getMetadata().setResourceVersion(null);
            }
        }
    }

    /** Server-side dry run of {@link #upsert}: nothing is persisted. */
    <T extends HasMetadata> void dryRun(T desired) {
        HasMetadata live = client.resource(desired).get();
        if (live == null) {
            client.resource(desired).dryRun().create();
        } else {
            desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
            try {
                client.resource(desired).dryRun().update();
            } finally {
                desired.getMetadata().setResourceVersion(null);
            }
        }
    }

    /** Deletes the object only if Coalmine made it, so a foreign object of the same name is never touched. */
    void deleteIfOurs(HasMetadata live) {
        if (live != null && isOurs(live)) {
            client.resource(live).delete();
        }
    }

    static boolean isOurs(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && ReleaseNames.COALMINE.equals(labels.get(ReleaseNames.MANAGED_BY));
    }
}
