package dev.coalmine.core.feed;

/** The three Deployments of a release, and how their names derive from the workload's. */
public enum Track {
    STABLE(""), BASELINE("-baseline"), CANARY("-canary");

    private final String suffix;

    Track(String suffix) {
        this.suffix = suffix;
    }

    public String deploymentOf(String workload) {
        return workload + suffix;
    }

    /** The value of the {@code coalmine.dev/track} label. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
