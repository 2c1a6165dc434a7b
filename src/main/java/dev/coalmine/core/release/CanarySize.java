package dev.coalmine.core.release;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How big the canary is: a fixed pod count, or a percentage of the stable's replicas. */
public sealed interface CanarySize {

    /** The canary's (and the baseline's) replica count for a stable with {@code stableReplicas}. */
    int replicasFor(int stableReplicas);

    /**
     * This size, if a new release may use it with a stable of {@code stableReplicas}: never a canary with more pods
     * than stable (a release already running keeps its size when stable is scaled down later).
     */
    default CanarySize requireFits(int stableReplicas) {
        replicasFor(stableReplicas);
        return this;
    }

    /** For people: "2 pods" or "12.5% of stable". */
    String describe();

    static CanarySize count(int replicas) {
        return new Count(replicas);
    }

    static CanarySize percent(double percent) {
        return new Percent(percent);
    }

    record Count(int replicas) implements CanarySize {
        public Count {
            if (replicas < 1) {
                throw new InvalidCanarySizeException(new CanarySizeProblem.CountBelowOne(replicas));
            }
        }

        @Override
        public int replicasFor(int stableReplicas) {
            return replicas;
        }

        @Override
        public CanarySize requireFits(int stableReplicas) {
            if (stableReplicas >= 1 && replicas > stableReplicas) {
                throw new InvalidCanarySizeException(new CanarySizeProblem.CountAboveStable(replicas, stableReplicas));
            }
            return this;
        }

        @Override
        public String describe() {
            return replicas == 1 ? "1 pod" : replicas + " pods";
        }
    }

    record Percent(double percent) implements CanarySize {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Percent {
            if (Double.isNaN(percent) || percent <= 0 || percent > 100) {
                throw new InvalidCanarySizeException(new CanarySizeProblem.PercentOutOfRange(
                        Double.isFinite(percent) ? plain(percent) : String.valueOf(percent)));
            }
        }

        /** round(r·p/100) with halves up, never below 1 and never above r; decimal math so 10·15% is 2, not 1. */
        @Override
        public int replicasFor(int stableReplicas) {
            if (stableReplicas < 1) {
                throw new InvalidCanarySizeException(new CanarySizeProblem.NoStableReplicas());
            }
            int rounded = BigDecimal.valueOf(stableReplicas).multiply(BigDecimal.valueOf(percent))
                    .divide(HUNDRED).setScale(0, RoundingMode.HALF_UP).intValueExact();
            return Math.min(stableReplicas, Math.max(1, rounded));
        }

        @Override
        public String describe() {
            return plain(percent) + "% of stable";
        }

        private static String plain(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
