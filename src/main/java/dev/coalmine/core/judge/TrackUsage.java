package dev.coalmine.core.judge;

/**
 * CPU and memory one track's pods use now (from metrics.k8s.io), summed over its pods. Shown beside the request
 * metrics; not judged.
 *
 * @param pods how many of the track's pods reported usage
 */
public record TrackUsage(Track track, int pods, double cpuMillicores, long memoryBytes) {
}
