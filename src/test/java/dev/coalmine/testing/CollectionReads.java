package dev.coalmine.testing;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.kube.workload.WorkloadFeed;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A client's reads of whole collections in one namespace (LISTs and WATCHes), as the demo server counted them. Pod
 * CPU and memory (metrics.k8s.io) are samples like a Prometheus query, read once per collection, not a kind that can
 * be watched; a read of one object by name (fabric8 follows a pod's log so) is no collection read.
 */
public final class CollectionReads {
    private static final Pattern SELECTOR = Pattern.compile("[?&]((?:label|field)Selector)=([^&]*)");

    private CollectionReads() {
    }

    /** The collection a read is of: its path (the kind in its namespace) and the selectors that narrow it. */
    public static String collection(RequestCounter.Request read) {
        StringBuilder collection = new StringBuilder(read.path());
        Matcher m = SELECTOR.matcher(read.uri());
        while (m.find()) {
            collection.append(' ').append(m.group(1)).append('=')
                    .append(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return collection.toString();
    }

    /** The distinct collections read per kind (path): one per kind when everything of a kind comes from one informer. */
    public static Map<String, Set<String>> collectionsPerKind(Stream<RequestCounter.Request> reads) {
        return reads.collect(Collectors.groupingBy(RequestCounter.Request::path, TreeMap::new,
                Collectors.mapping(CollectionReads::collection, Collectors.toCollection(TreeSet::new))));
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
