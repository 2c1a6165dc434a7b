package dev.coalmine.demo.traffic;

/**
 * The identity of one simulated pod's metric series.
 *
 * @param deployment the owning Deployment's name, or "" for a pod without one
 * @param track      the pod's {@code coalmine.dev/track} label, or {@code stable} when absent
 */
public record PodSeries(String namespace, String pod, String deployment, String track) {
}
