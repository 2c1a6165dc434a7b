package dev.coalmine.kube.release;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** What a release leaves alone in a manifest file as it comes, for a command to say so. */
public final class ManifestDocuments {
    private ManifestDocuments() {
    }

    /** E.g. "Service web", "ConfigMap unrelated (not used by web)"; refuses a file with no such Deployment. */
    public static List<String> ignored(String yaml, String deployment) {
        return ManifestBundle.select(yaml, deployment, new KubernetesSerialization()).ignored();
    }
}
