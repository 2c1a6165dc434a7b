package dev.coalmine.demo.sim;

import dev.coalmine.demo.sim.EventRecorder.Source;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default scheduler: binds each unscheduled pod to the node running the fewest pods. */
final class PodScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PodScheduler.class);

    private final ClusterWriter writer;
    private final EventRecorder events;

    PodScheduler(ClusterWriter writer, EventRecorder events) {
        this.writer = writer;
        this.events = events;
    }

    void schedule(ClusterSnapshot snapshot) {
        if (snapshot.nodes().isEmpty()) {
            return;
        }
        Map<String, Integer> load = new HashMap<>();
        snapshot.nodes().forEach(n -> load.put(n.getMetadata().getName(), 0));
        snapshot.pods().stream().map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
                .filter(load::containsKey).forEach(n -> load.merge(n, 1, Integer::sum));
        for (Pod pod : snapshot.pods()) {
            if (pod.getSpec() == null || pod.getSpec().getNodeName() != null || pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            String node = snapshot.nodes().stream().map(Node::getMetadata).map(m -> m.getName())
                    .min(Comparator.comparing(load::get)).orElseThrow();
            try {
                Pod bound = writer.mergePatch(pod, Map.of("spec", Map.of("nodeName", node)));
                snapshot.put(bound);
                load.merge(node, 1, Integer::sum);
                events.normal(bound, Source.SCHEDULER, "Scheduled", "Successfully assigned "
                        + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " to " + node);
            } catch (RuntimeException e) {
                LOG.debug("could not bind pod {}: {}", pod.getMetadata().getName(), e.toString());
            }
        }
    }
}
