package dev.coalmine.demo.traffic;

import dev.coalmine.demo.sim.Timestamps;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsList;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Simulated pod usage in the shape of metrics.k8s.io/v1beta1, as metrics-server answers {@code kubectl top pods}. */
public final class PodMetricsView {
    private PodMetricsView() {
    }

    public static PodMetricsList of(List<PodUsage> usage, String namespace, Instant now, Duration window) {
        List<PodMetrics> items = usage.stream()
                .filter(u -> namespace == null || namespace.equals(u.namespace()))
                .sorted(Comparator.comparing(PodUsage::namespace).thenComparing(PodUsage::pod))
                .map(u -> podMetrics(u, now, window))
                .toList();
        return new PodMetricsListBuilder().withItems(items).build();
    }

    static String timestamp(Instant now) {
        return Timestamps.format(now);
    }

    static io.fabric8.kubernetes.api.model.Duration window(Duration window) {
        return new io.fabric8.kubernetes.api.model.Duration(window);
    }

    private static PodMetrics podMetrics(PodUsage usage, Instant now, Duration window) {
        return new PodMetricsBuilder()
                .withNewMetadata().withName(usage.pod()).withNamespace(usage.namespace()).endMetadata()
                .withTimestamp(timestamp(now)).withWindow(window(window))
                .addNewContainer().withName(usage.container())
                .withUsage(Map.of("cpu", new Quantity(usage.cpuMillicores() + "m"),
                        "memory", new Quantity(usage.memoryBytes() / 1024 + "Ki")))
                .endContainer()
                .build();
    }
}
