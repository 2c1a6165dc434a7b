package dev.coalmine.kube.release;

import dev.coalmine.metrics.PodHealth;

/**
 * One pod of a track as a card lists it.
 *
 * @param state what is wrong with it, as kubectl's STATUS column says it (CrashLoopBackOff, ImagePullBackOff,
 *              OOMKilled), else "Running" when ready and "NotReady" when not
 */
public record PodSummary(String name, boolean ready, int restarts, String state) {
    public static final String RUNNING = "Running";
    public static final String NOT_READY = "NotReady";

    static PodSummary of(PodHealth health) {
        String state = health.problem().orElse(health.oomKilled() ? "OOMKilled" : health.ready() ? RUNNING : NOT_READY);
        return new PodSummary(health.pod(), health.ready(), health.restarts(), state);
    }

    /** 0 = fine; 1 = not ready yet; 2 = in trouble (a waiting reason such as CrashLoopBackOff, or OOMKilled). */
    public int severity() {
        return state.equals(RUNNING) ? 0 : state.equals(NOT_READY) || state.equals("ContainerCreating") ? 1 : 2;
    }
}
