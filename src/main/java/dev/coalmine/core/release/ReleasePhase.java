package dev.coalmine.core.release;

/**
 * Where a release is. CanaryDeploying → AwaitingJudgment (manual) or Analysing (automatic) → Promoting →
 * Finalising → Succeeded; Rejecting → Rejected; Failing (cleanup, optionally rolling stable back) → Failed.
 */
public sealed interface ReleasePhase {

    /** The phase's name as shown to people and written to the cluster, e.g. "AwaitingJudgment". */
    default String label() {
        return getClass().getSimpleName();
    }

    /** Nothing more will happen to a release in this phase. */
    default boolean terminal() {
        return false;
    }

    /** The release waits for a decision (a person, or the automatic judge). */
    default boolean awaitingDecision() {
        return false;
    }

    record CanaryDeploying() implements ReleasePhase { }

    record AwaitingJudgment() implements ReleasePhase {
        @Override
        public boolean awaitingDecision() {
            return true;
        }
    }

    record Analysing() implements ReleasePhase {
        @Override
        public boolean awaitingDecision() {
            return true;
        }
    }

    record Promoting() implements ReleasePhase { }

    record Finalising() implements ReleasePhase { }

    record Succeeded() implements ReleasePhase {
        @Override
        public boolean terminal() {
            return true;
        }
    }

    record Rejecting() implements ReleasePhase { }

    record Rejected() implements ReleasePhase {
        @Override
        public boolean terminal() {
            return true;
        }
    }

    /** Cleaning up after a failure; {@code rollbackStable} when stable had already been rolled forward. */
    record Failing(String reason, boolean rollbackStable) implements ReleasePhase { }

    record Failed(String reason) implements ReleasePhase {
        @Override
        public boolean terminal() {
            return true;
        }
    }
}
