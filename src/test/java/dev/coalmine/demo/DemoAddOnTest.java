package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.addon.ClusterExtras;
import dev.coalmine.demo.traffic.TrafficKnobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoAddOnTest {
    private final DemoCluster demo = DemoCluster.start(DemoOptions.defaults().withSeed(false));
    private final DemoAddOn addOn = new DemoAddOn();

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aClusterThatAdvertisesTheDemosEndpointsGetsItsMetricsAndTrainerControls() {
        DemoEndpoints.advertiseMetrics(demo.client(), "http://127.0.0.1:1/metrics");

        ClusterExtras extras = addOn.detect(demo.client());

        assertThat(extras.simulated()).isTrue();
        assertThat(extras.metricSources().simulated()).isTrue();
        assertThat(extras.trainer()).containsInstanceOf(TrafficKnobs.class);
    }

    @Test
    void withoutTheEndpointsConfigMapItIsNotTheDemo() {
        DemoEndpoints.advertiseMetrics(demo.client(), "http://127.0.0.1:1/metrics");
        demo.client().configMaps().inNamespace(DemoEndpoints.NAMESPACE).withName(DemoEndpoints.CONFIG_MAP).delete();

        ClusterExtras extras = addOn.detect(demo.client());

        assertThat(extras).isEqualTo(ClusterExtras.none());
        assertThat(extras.metricSources().simulated()).isFalse();
    }
}
