package dev.coalmine.core.feed;

import java.time.Instant;

/**
 * One line of a release's rollout story: a kubectl-style status line of one Deployment, or a step of the
 * release engine. {@code source} is the Deployment's name for status lines, or whoever logged the step.
 */
public record RolloutLine(Instant time, Kind kind, String source, String text) {
    public enum Kind {
        /** A {@code kubectl rollout status} line: still waiting. */
        STATUS,
        /** "deployment … successfully rolled out". */
        DONE,
        /** The progress deadline was exceeded. */
        ERROR,
        /** A line from the release engine's step log. */
        STEP
    }

    public static RolloutLine of(Instant time, RolloutStatus status) {
        Kind kind = switch (status.state()) {
            case WAITING -> Kind.STATUS;
            case DONE -> Kind.DONE;
            case FAILED -> Kind.ERROR;
        };
        return new RolloutLine(time, kind, status.deployment(), status.text());
    }
}
