package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;

/**
 * What the edge fixes when a release starts, kept (as JSON) in the release state so every later step and every
 * resumed process uses the same: the new pod template, the template stable had before (for rollback), the
 * versioned config names, and the ConfigMap data promotion will overwrite (null: the ConfigMap did not exist).
 * Secrets' previous data is deliberately not kept in the state ConfigMap.
 */
public record StartSnapshot(PodTemplateSpec newTemplate, PodTemplateSpec stableTemplateBefore,
                            Map<String, String> configMapRenames, Map<String, String> secretRenames,
                            Map<String, Map<String, String>> previousConfigMapData) {

    public StartSnapshot {
        configMapRenames = configMapRenames == null ? Map.of() : configMapRenames;
        secretRenames = secretRenames == null ? Map.of() : secretRenames;
        previousConfigMapData = previousConfigMapData == null ? Map.of() : previousConfigMapData;
    }

    public ConfigRenames renames() {
        return new ConfigRenames(configMapRenames, secretRenames);
    }

    public int copiesNeeded() {
        return configMapRenames.size() + secretRenames.size();
    }
}
