package dev.coalmine.bench;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Writes the Events a kubelet would about a release's pods through the API server, one per call, dated by the
 * given clock: readiness probes now and then failing, images pulled, containers started.
 */
final class PodEventWriter {
    private final KubernetesClient client;
    private final String namespace;
    private final List<Pod> pods;
    private final Clock clock;
    private long written;

    PodEventWriter(KubernetesClient client, String namespace, List<Pod> pods, Clock clock) {
        if (pods.isEmpty()) {
            throw new IllegalStateException("no pods to write Events about");
        }
        this.client = client;
        this.namespace = namespace;
        this.pods = List.copyOf(pods);
        this.clock = clock;
    }

    synchronized void writeOne() {
        long n = written++;
        Pod pod = pods.get((int) (n % pods.size()));
        String name = pod.getMetadata().getName();
        boolean warning = n % 4 == 0;
        String at = clock.instant().toString();
        client.v1().events().inNamespace(namespace).resource(new EventBuilder()
                .withNewMetadata().withName(String.format(Locale.ROOT, "%s.bench%08d", name, n)).withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withNamespace(namespace).withName(name)
                .withUid(pod.getMetadata().getUid()).endInvolvedObject()
                .withType(warning ? "Warning" : "Normal")
                .withReason(warning ? "Unhealthy" : "Pulled")
                .withMessage(warning ? "Readiness probe failed: HTTP probe failed with statuscode: 503 (check " + n + ")"
                        : "Container image \"" + pod.getSpec().getContainers().get(0).getImage()
                                + "\" already present on machine (check " + n + ")")
                .withCount(1).withFirstTimestamp(at).withLastTimestamp(at)
                .withNewSource().withComponent("kubelet").withHost(pod.getSpec().getNodeName()).endSource()
                .build()).create();
    }

    synchronized long written() {
        return written;
    }
}
