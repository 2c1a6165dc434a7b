package dev.coalmine.demo.traffic;

import dev.coalmine.demo.sim.PodReadiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which pods a Service sends traffic to: ready pods of its namespace whose labels carry its whole selector. */
public final class ServiceSelection {
    private ServiceSelection() {
    }

    public static List<Pod> readyPodsSelectedBy(Service service, List<Pod> pods) {
        Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        return pods.stream()
                .filter(p -> Objects.equals(p.getMetadata().getNamespace(), service.getMetadata().getNamespace()))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getMetadata().getLabels() != null
                        && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .filter(PodReadiness::isReady)
                .toList();
    }
}
