package dev.coalmine.kube.traffic;

import dev.coalmine.core.traffic.HeaderMatch;
import io.fabric8.kubernetes.api.model.Service;

/**
 * What one release routes: the operator's Service {@code service} (S) in front of stable, the tracks that get a
 * weight, and the ReplicaSet hash stable's track is pinned to.
 *
 * @param header     requests with it go to the canary, or null
 * @param stableHash the {@code pod-template-hash} of the ReplicaSet that serves stable now, or null when unknown
 */
record RouteTarget(RoutingOwner owner, Service service, boolean baseline, HeaderMatch header, String stableHash) {
    String namespace() {
        return owner.namespace();
    }

    String serviceName() {
        return service.getMetadata().getName();
    }

    String stableName() {
        return serviceName() + "-stable";
    }

    String canaryName() {
        return serviceName() + "-canary";
    }

    String baselineName() {
        return serviceName() + "-baseline";
    }

    /** The port the routes send to: S's first port. */
    int port() {
        return service.getSpec().getPorts().get(0).getPort();
    }

    /** The stable track's share when canary (and baseline) each have {@code weight}. */
    int stableWeight(int weight) {
        return 100 - (baseline ? 2 : 1) * weight;
    }
}
