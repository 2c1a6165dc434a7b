package dev.coalmine.core.traffic;

/**
 * What the driver saw of a weighted release's routing.
 *
 * @param servicesPresent some track Service of the release exists
 * @param servicesInSync  the track Services select what they must now (stable pinned to a ReplicaSet with ready pods)
 * @param routingPresent  some routing object of the release is still in its release shape (created, or changed)
 * @param appliedWeight   the canary weight the router carries, or -1 when the release's routing is not in place
 */
public record RoutingStatus(boolean servicesPresent, boolean servicesInSync, boolean routingPresent,
                            int appliedWeight) {

    /** Nothing of a release's routing exists (and with the replica ratio nothing ever does). */
    public static RoutingStatus none() {
        return new RoutingStatus(false, true, false, -1);
    }

    public boolean carries(int weight) {
        return routingPresent && appliedWeight == weight;
    }
}
