package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatusBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Resource metric of an HPA (cpu or memory, target Utilization or AverageValue) read from the pods' metrics.k8s.io
 * usage, and the replica count it asks for, computed as the horizontal-pod-autoscaler does it (10 % tolerance).
 *
 * @param status   what the HPA reports in status.currentMetrics
 * @param desired  the replica count this metric asks for
 * @param above    whether usage is above the target (for the rescale event's reason)
 */
record ResourceMetricReading(MetricStatus status, int desired, boolean above) {
    private static final double TOLERANCE = 0.1;

    /**
     * Empty when a pod has no metrics yet (metrics-server has not seen it).
     *
     * @throws MissingRequest when the target is a utilization and a container has no request for the resource
     */
    static Optional<ResourceMetricReading> of(MetricSpec spec, List<Pod> pods, Map<String, PodMetrics> metrics) {
        String resource = spec.getResource().getName();
        BigDecimal usage = BigDecimal.ZERO;
        BigDecimal requested = BigDecimal.ZERO;
        for (Pod pod : pods) {
            PodMetrics podMetrics = metrics.get(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
            if (podMetrics == null) {
                return Optional.empty();
            }
            for (ContainerMetrics container : podMetrics.getContainers()) {
                Quantity used = container.getUsage().get(resource);
                usage = used == null ? usage : usage.add(used.getNumericalAmount());
            }
            for (Container container : pod.getSpec().getContainers()) {
                Quantity request = container.getResources() == null || container.getResources().getRequests() == null
                        ? null : container.getResources().getRequests().get(resource);
                if (request == null && spec.getResource().getTarget().getAverageUtilization() != null) {
                    throw new MissingRequest("failed to get " + resource + " utilization: missing request for "
                            + resource + " in container " + container.getName() + " of Pod " + pod.getMetadata().getName());
                }
                requested = request == null ? requested : requested.add(request.getNumericalAmount());
            }
        }
        if (pods.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal average = usage.divide(BigDecimal.valueOf(pods.size()), 9, RoundingMode.HALF_UP);
        Quantity averageValue = quantity(resource, average);
        Integer target = spec.getResource().getTarget().getAverageUtilization();
        double ratio;
        MetricStatusBuilder status = new MetricStatusBuilder().withType("Resource").withNewResource().withName(resource)
                .withNewCurrent().withAverageValue(averageValue).endCurrent().endResource();
        if (target != null) {
            if (requested.signum() == 0) {
                throw new MissingRequest("failed to get " + resource + " utilization: the pods request no " + resource);
            }
            int utilization = usage.multiply(BigDecimal.valueOf(100)).divide(requested, 0,
                    RoundingMode.DOWN).intValue();
            status.editResource().editCurrent().withAverageUtilization(utilization).endCurrent().endResource();
            ratio = utilization / (double) target;
        } else {
            ratio = average.doubleValue() / spec.getResource().getTarget().getAverageValue().getNumericalAmount().doubleValue();
        }
        int desired = Math.abs(ratio - 1) <= TOLERANCE ? pods.size() : (int) Math.ceil(ratio * pods.size());
        return Optional.of(new ResourceMetricReading(status.build(), desired, ratio > 1));
    }

    private static Quantity quantity(String resource, BigDecimal amount) {
        return resource.equals("cpu")
                ? new Quantity(amount.movePointRight(3).setScale(0, RoundingMode.HALF_UP) + "m")
                : new Quantity(amount.setScale(0, RoundingMode.HALF_UP).toPlainString());
    }

    /** A pod of the target has no request for the resource an HPA measures in percent of requests. */
    static final class MissingRequest extends RuntimeException {
        MissingRequest(String message) {
            super(message);
        }
    }
}
