package dev.coalmine.testing;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.kube.workload.WorkloadFeed;
import java.util.List;
import java.util.stream.Stream;

/**
 * A client's reads of whole collections in one namespace (LISTs and WATCHes), as the demo server counted them. Pod
 * CPU and memory (metrics.k8s.io) are samples like a Prometheus query, read once per collection, not a kind that can
 * be watched; a read of one object by name (fabric8 follows a pod's log so) is no collection read.
 */
public final class CollectionReads {
    private CollectionReads() {
    }

    public static Stream<RequestCounter.Request> in(List<RequestCounter.Request> requests, String namespace) {
        return requests.stream().filter(r -> r.method().equals("GET"))
                .filter(r -> r.path().matches(".*/namespaces/" + namespace + "/[a-z]+")
                        && !r.path().contains("metrics.k8s.io") && !r.uri().contains("fieldSelector=metadata.name"));
    }

    /** A workload list whose rows nobody looks at: it only keeps its collections open. */
    public static WorkloadFeed.Listener unseenWorkloads() {
        return new WorkloadFeed.Listener() {
            @Override
            public void upserted(WorkloadSummary workload) {
            }

            @Override
            public void removed(String name) {
            }
        };
    }
}
