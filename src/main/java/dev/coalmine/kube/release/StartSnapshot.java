package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;

/**
 * What the edge fixes when a release starts, kept (as JSON) in the release state so every later step and every
 * resumed process uses the same: the new pod template, the template stable had before (for rollback), the
 * versioned config names, the ConfigMap data promotion will overwrite (null: the ConfigMap did not exist), and
 * the name of the Secret that holds the Secrets' data ({@link ReleaseSecrets}; null when the manifest has no
 * Secrets). Secret values never go into the state ConfigMap.
 */
public record StartSnapshot(PodTemplateSpec newTemplate, PodTemplateSpec stableTemplateBefore,
                            Map<String, String> configMapRenames, Map<String, String> secretRenames,
                            Map<String, Map<String, String>> previousConfigMapData, String secretDataIn) {

    public StartSnapshot {
        configMapRenames = configMapRenames == null ? Map.of() : configMapRenames;
        secretRenames = secretRenames == null ? Map.of() : secretRenames;
        previousConfigMapData = previousConfigMapData == null ? Map.of() : previousConfigMapData;
    }

    public ConfigRenames renames() {
        return new ConfigRenames(configMapRenames, secretRenames);
    }

    /** The versioned copies the canary needs, plus the Secret holding the Secrets' data: the wrap-up deletes them all. */
    public int copiesNeeded() {
        return configMapRenames.size() + secretRenames.size() + (secretDataIn == null ? 0 : 1);
    }
}
