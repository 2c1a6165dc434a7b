package dev.coalmine.demo.traffic;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a Service's requests are shared among the ready pods it selects. The default is by pod count, as
 * kube-proxy does. Routing weights (HTTPRoute, VirtualService, TrafficSplit, canary Ingress) apply before it:
 * {@link RequestRouting} shares a routed Service's requests among the backends by weight, then each backend's
 * share among its pods with this split.
 */
public interface TrafficSplit {

    /** The share of the Service's requests each pod receives; the shares add up to 1 (or the map is empty). */
    Map<Pod, Double> shares(Service service, List<Pod> readyPods);

    /** Every ready pod gets the same share. */
    TrafficSplit BY_POD_COUNT = (service, pods) -> {
        Map<Pod, Double> shares = new LinkedHashMap<>();
        pods.forEach(p -> shares.put(p, 1.0 / pods.size()));
        return shares;
    };
}
