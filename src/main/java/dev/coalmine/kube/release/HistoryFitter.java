package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a history within what its ConfigMap holds without losing the record of earlier releases: first the plan
 * bodies of finished releases move, oldest first, into ConfigMaps of their own; only if the compact records alone
 * are still too long are the oldest dropped, and counted. The current release always keeps its body, which it
 * needs to resume.
 */
final class HistoryFitter {
    private final ReleaseStateCodec codec;
    private final PlanBodyStore bodies;
    private final int maxBytes;

    HistoryFitter(ReleaseStateCodec codec, PlanBodyStore bodies, int maxBytes) {
        this.codec = codec;
        this.bodies = bodies;
        this.maxBytes = maxBytes;
    }

    /** {@code history} as it fits; {@code map} is the history ConfigMap as last seen (null: none yet). */
    ReleaseHistory fit(ConfigMap map, ReleaseHistory history) {
        for (ReleaseState release : history.trimmable()) {
            if (fits(history)) {
                return history;
            }
            history = history.withTrimmed(release.number(), bodies.keep(map, release));
        }
        while (!fits(history) && history.releases().size() > 1) {
            history = history.withoutOldest();
        }
        return history;
    }

    private boolean fits(ReleaseHistory history) {
        return codec.write(history).getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }
}
