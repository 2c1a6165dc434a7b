package dev.coalmine.core.release;

import java.time.Instant;

/**
 * What the driver saw in the cluster at {@code now}.
 *
 * @param configCopiesNeeded how many versioned ConfigMap/Secret copies the canary needs
 * @param configCopiesPresent how many versioned copies of this release exist
 */
public record Observation(Instant now, WorkloadStatus stable, WorkloadStatus canary, WorkloadStatus baseline,
                          int configCopiesNeeded, int configCopiesPresent) {

    public Observation {
        canary = canary == null ? WorkloadStatus.absent() : canary;
        baseline = baseline == null ? WorkloadStatus.absent() : baseline;
    }
}
