package dev.coalmine.metrics;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * How pod health reads a release's Deployments and their pods: straight from the API server, or, in a process
 * that already watches the namespace, from its shared cache (so a refresh every few seconds costs no request).
 */
public interface WorkloadReads {
    /** The Deployment, or null when there is none. */
    Deployment deployment(String namespace, String name);

    /** The pods that {@code selector} selects. */
    List<Pod> pods(String namespace, LabelSelector selector);

    /** Every read a request to the API server. */
    static WorkloadReads over(KubernetesClient client) {
        return new WorkloadReads() {
            @Override
            public Deployment deployment(String namespace, String name) {
                return client.apps().deployments().inNamespace(namespace).withName(name).get();
            }

            @Override
            public List<Pod> pods(String namespace, LabelSelector selector) {
                return client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems();
            }
        };
    }
}
