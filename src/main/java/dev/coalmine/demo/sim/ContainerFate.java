package dev.coalmine.demo.sim;

import java.util.Locale;

/** What happens to a container on its node, decided by a substring of its image reference. */
public enum ContainerFate {
    /** Pulls, starts and becomes ready. */
    RUNS,
    /** Starts, then exits with code 1 after a few seconds, again and again (CrashLoopBackOff). */
    CRASHES,
    /** Cannot be pulled (ErrImagePull, then ImagePullBackOff); never starts. */
    CANNOT_PULL;

    public static ContainerFate of(String image) {
        String reference = image == null ? "" : image.toLowerCase(Locale.ROOT);
        if (reference.contains("does-not-exist")) {
            return CANNOT_PULL;
        }
        return reference.contains("crashloop") ? CRASHES : RUNS;
    }
}
