package dev.coalmine.core.judge;

import java.util.Locale;

/** Which copy of the application a workload, pod or sample belongs to. */
public enum Track {
    STABLE, BASELINE, CANARY;

    /** The value of the {@code coalmine.dev/track} label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Deployment that runs this track of {@code deployment}: {@code x}, {@code x-baseline}, {@code x-canary}. */
    public String workloadName(String deployment) {
        return this == STABLE ? deployment : deployment + "-" + label();
    }

    /** Reads a {@code coalmine.dev/track} label; a pod without the label belongs to the stable track. */
    public static Track ofLabel(String value) {
        if (value == null || value.isBlank()) {
            return STABLE;
        }
        for (Track track : values()) {
            if (track.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return track;
            }
        }
        throw new IllegalArgumentException("unknown track '" + value + "' (expected stable, baseline or canary)");
    }
}
