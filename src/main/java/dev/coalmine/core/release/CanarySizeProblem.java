package dev.coalmine.core.release;

/**
 * Why a canary size is refused: which setting to change and what is wrong. The words name no field, so the CLI
 * (--count, --percent) and the wizard (its count and percentage field) each say what to change their own way.
 */
public sealed interface CanarySizeProblem {
    /** The setting to change. */
    enum Setting { COUNT, PERCENT }

    Setting setting();

    /** What is wrong, e.g. "canary count must be at least 1, got 0". */
    String what();

    record CountBelowOne(int got) implements CanarySizeProblem {
        @Override
        public Setting setting() {
            return Setting.COUNT;
        }

        @Override
        public String what() {
            return "canary count must be at least 1, got " + got;
        }
    }

    /** More canary pods than stable has: the canary would take more requests than the version it is tested against. */
    record CountAboveStable(int got, int stableReplicas) implements CanarySizeProblem {
        @Override
        public Setting setting() {
            return Setting.COUNT;
        }

        @Override
        public String what() {
            return "a canary of " + got + " pods is more than the stable's " + stableReplicas + " replica(s)";
        }
    }

    /** @param got the percentage as entered, e.g. "0" or "NaN" */
    record PercentOutOfRange(String got) implements CanarySizeProblem {
        @Override
        public Setting setting() {
            return Setting.PERCENT;
        }

        @Override
        public String what() {
            return "canary percent must be above 0 and at most 100, got " + got;
        }
    }

    /** A percentage of a stable scaled to zero: only a count can size the canary. */
    record NoStableReplicas() implements CanarySizeProblem {
        @Override
        public Setting setting() {
            return Setting.COUNT;
        }

        @Override
        public String what() {
            return "the stable Deployment has 0 replicas, so a percentage of it is no pod at all";
        }
    }
}
