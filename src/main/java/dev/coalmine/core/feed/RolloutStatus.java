package dev.coalmine.core.feed;

/** What {@code kubectl rollout status} would print for a Deployment now, and whether it would stop. */
public record RolloutStatus(String deployment, State state, String text) {
    public enum State {
        /** Still rolling out: kubectl keeps watching. */
        WAITING,
        /** "successfully rolled out": kubectl exits 0. */
        DONE,
        /** Progress deadline exceeded: kubectl prints {@code error: …} and exits 1. */
        FAILED
    }
}
