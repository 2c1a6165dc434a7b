package dev.coalmine.metrics;

import dev.coalmine.core.judge.Track;

/** CPU and memory a pod uses now, from metrics.k8s.io (summed over its containers). */
public record PodUsage(String pod, Track track, double cpuMillicores, long memoryBytes) {
}
