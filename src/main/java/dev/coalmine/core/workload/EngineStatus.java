package dev.coalmine.core.workload;

/**
 * How an in-cluster engine's canary is doing, for the workload list: an Argo {@code Rollout} or a Flagger
 * {@code Canary}, its phase and the canary's current traffic weight in percent.
 */
public record EngineStatus(Kind kind, String phase, int weight) {
    /** The custom resources the list shows beside Deployments. */
    public enum Kind {
        ROLLOUT("Rollout"), CANARY("Canary");

        private final String resource;

        Kind(String resource) {
            this.resource = resource;
        }

        /** The Kubernetes kind: Rollout, Canary. */
        public String resource() {
            return resource;
        }
    }

    /** "Paused · 20 %". */
    public String describe() {
        return (phase.isEmpty() ? "Unknown" : phase) + " \u00b7 " + weight + " %";
    }
}
