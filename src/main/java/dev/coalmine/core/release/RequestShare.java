package dev.coalmine.core.release;

import java.util.Locale;
import java.util.Optional;

/**
 * The share of requests the canary gets: the Service behind stable's selector spreads requests over every pod it
 * selects, stable, baseline and canary alike, so the share is canary pods / all of them — not the size asked for.
 * With a tiny stable the two differ a lot: 10 % of 1 replica is 1 canary + 1 baseline + 1 stable, a third each.
 */
public record RequestShare(int stablePods, int baselinePods, int canaryPods, CanarySize asked) {

    public static RequestShare of(CanarySize asked, int stableReplicas, boolean baseline) {
        int canary = asked.replicasFor(stableReplicas);
        return new RequestShare(stableReplicas, baseline ? canary : 0, canary, asked);
    }

    public int servingPods() {
        return stablePods + baselinePods + canaryPods;
    }

    /** 0 … 100. */
    public double canaryPercent() {
        return servingPods() == 0 ? 0 : 100.0 * canaryPods / servingPods();
    }

    /**
     * A percentage is exceeded when the canary's share of requests is above it (half a point of rounding allowed);
     * a pod count when the canary has more pods than stable.
     */
    public boolean exceedsAsked() {
        if (asked instanceof CanarySize.Percent percent) {
            return canaryPercent() > percent.percent() + 0.5;
        }
        return canaryPods > stablePods;
    }

    /** "about 33 % of requests (1 canary pod of 3: 1 stable, 1 baseline)". */
    public String describe() {
        return String.format(Locale.ROOT, "about %.0f %% of requests (%d canary pod(s) of %d: %d stable%s)",
                canaryPercent(), canaryPods, servingPods(), stablePods,
                baselinePods == 0 ? "" : ", " + baselinePods + " baseline");
    }

    /** Why the share is more than was asked for, or empty when it is not. */
    public Optional<String> warning() {
        if (!exceedsAsked()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "asked for %s, but with %d stable replica(s) the canary gets %s; "
                + "scale stable up or choose a smaller canary", asked.describe(), stablePods, describe()));
    }
}
