package dev.coalmine.demo.traffic;

import java.util.List;
import java.util.Map;

/**
 * What one routing object does to simulated requests: the requests addressed to {@code service} are shared among
 * the backends by weight, then among each backend's ready pods.
 *
 * @param namespace where the routing object, the Service and the backends live
 * @param service   the Service whose requests are routed, if the object names it (a TrafficSplit's apex, a
 *                  VirtualService's host, an HTTPRoute's Service parent); null to take it from the backends
 * @param source    the routing object, {@code kind/name}, for the order in which routes of one Service are chosen
 * @param backends  in the object's order
 */
record Route(String namespace, String service, String source, List<Backend> backends) {
    Route {
        backends = List.copyOf(backends);
    }

    /** A Service (and for an Istio subset, the pod labels the subset adds) and its weight. */
    record Backend(String service, Map<String, String> podLabels, double weight) {
        Backend {
            podLabels = Map.copyOf(podLabels);
        }

        Backend(String service, double weight) {
            this(service, Map.of(), weight);
        }
    }
}
