package dev.coalmine.core.release;

import dev.coalmine.core.traffic.RoutingStatus;
import java.time.Instant;

/**
 * What the driver saw in the cluster at {@code now}.
 *
 * @param configCopiesNeeded how many versioned ConfigMap/Secret copies the canary needs
 * @param configCopiesPresent how many versioned copies of this release exist
 * @param promotionConflict why the release's change cannot be applied to the live stable (someone changed the same
 *                          values differently during the release), or null when it can or nobody looked
 * @param routing what the weighted routing looks like ({@link RoutingStatus#none()} with the replica ratio)
 */
public record Observation(Instant now, WorkloadStatus stable, WorkloadStatus canary, WorkloadStatus baseline,
                          int configCopiesNeeded, int configCopiesPresent, String promotionConflict,
                          RoutingStatus routing) {

    public Observation {
        canary = canary == null ? WorkloadStatus.absent() : canary;
        baseline = baseline == null ? WorkloadStatus.absent() : baseline;
        routing = routing == null ? RoutingStatus.none() : routing;
    }

    public Observation(Instant now, WorkloadStatus stable, WorkloadStatus canary, WorkloadStatus baseline,
                       int configCopiesNeeded, int configCopiesPresent, String promotionConflict) {
        this(now, stable, canary, baseline, configCopiesNeeded, configCopiesPresent, promotionConflict, null);
    }

    /** Without a look at whether promotion would conflict. */
    public Observation(Instant now, WorkloadStatus stable, WorkloadStatus canary, WorkloadStatus baseline,
                       int configCopiesNeeded, int configCopiesPresent) {
        this(now, stable, canary, baseline, configCopiesNeeded, configCopiesPresent, null, null);
    }

    public Observation withPromotionConflict(String conflict) {
        return new Observation(now, stable, canary, baseline, configCopiesNeeded, configCopiesPresent, conflict, routing);
    }

    public Observation withRouting(RoutingStatus seen) {
        return new Observation(now, stable, canary, baseline, configCopiesNeeded, configCopiesPresent, promotionConflict,
                seen);
    }
}
