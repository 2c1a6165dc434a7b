package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;

/**
 * One unfinished release as the releases overview lists it: where it is, its stored state and who drives it.
 *
 * @param driver the live holder of the workload's Lease, or null when no process drives the release now
 */
public record InProgressRelease(String namespace, String deployment, ReleaseState release, String driver) {
}
