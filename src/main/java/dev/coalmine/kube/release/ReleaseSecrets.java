package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Secret data of a manifest release, kept in a Secret of its own (never in the state ConfigMap): the
 * manifest's Secrets, and the data of the live Secrets a promotion overwrites (null: that Secret did not exist),
 * for the rollback.
 */
record ReleaseSecrets(List<Secret> manifestSecrets, Map<String, Map<String, String>> previousData) {

    public ReleaseSecrets {
        manifestSecrets = manifestSecrets == null ? List.of() : List.copyOf(manifestSecrets);
        // Map.copyOf refuses the null values that mean "did not exist".
        previousData = previousData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(previousData));
    }

    public static ReleaseSecrets none() {
        return new ReleaseSecrets(List.of(), Map.of());
    }

    /** Not named isEmpty: Jackson would store it as a property. */
    public boolean noSecrets() {
        return manifestSecrets.isEmpty();
    }
}
