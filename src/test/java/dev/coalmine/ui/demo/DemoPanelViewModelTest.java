package dev.coalmine.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.testing.Deployments;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoPanelViewModelTest {
    private static DemoCluster demo;
    private static KubernetesClient client;

    @BeforeAll
    static void startDemo() {
        demo = DemoCluster.start(DemoOptions.defaults().withSeed(false));
        client = demo.client();
        client.resource(Deployments.of("default", "web-canary", 1, "registry.example.com/web:1.4.0")).create();
        client.resource(Deployments.of("default", "api-canary", 1, "registry.example.com/api:2.0")).create();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    private final DemoPanelViewModel model = new DemoPanelViewModel(client, new TrafficKnobs(client), Runnable::run,
            Runnable::run);

    private String knob(String key) {
        return client.configMaps().inNamespace("coalmine-demo").withName("coalmine-demo").get().getData().get(key);
    }

    @Test
    void faultyAndSlowScenariosSetTheKnobsOfTheCanarysVersion() {
        model.apply(DemoPanelViewModel.Scenario.FAULTY, "default", "web");
        assertThat(knob("image.1.4.0.error-rate")).isEqualTo("0.1");
        model.apply(DemoPanelViewModel.Scenario.SLOW, "default", "web");
        assertThat(knob("image.1.4.0.latency-ms")).isEqualTo("150");
        model.apply(DemoPanelViewModel.Scenario.HEALTHY, "default", "web");
        assertThat(knob("image.1.4.0.error-rate")).isNull();
        assertThat(model.statusProperty().get()).isEqualTo("Healthy canary applied to web-canary");
    }

    @Test
    void badImageChangesTheCanarysImageOnly() {
        model.apply(DemoPanelViewModel.Scenario.BAD_IMAGE, "default", "api");
        assertThat(client.apps().deployments().inNamespace("default").withName("api-canary").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/api:2.0-does-not-exist");
        model.apply(DemoPanelViewModel.Scenario.BAD_IMAGE, "default", "api");
        assertThat(client.apps().deployments().inNamespace("default").withName("api-canary").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage())
                .as("applying twice does not stack suffixes").isEqualTo("registry.example.com/api:2.0-does-not-exist");
        assertThat(client.apps().deployments().inNamespace("default").withName("web-canary").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example.com/web:1.4.0");
    }

    @Test
    void aWorkloadWithoutCanaryIsExplained() {
        model.apply(DemoPanelViewModel.Scenario.FAULTY, "default", "shop");
        assertThat(model.statusProperty().get())
                .isEqualTo("Not applied: shop has no running canary: start a canary release first");
    }

    @Test
    void requestRateIsWrittenToTheKnobs() {
        model.requestsPerSecondProperty().set(55);
        model.applyRequestRate();
        assertThat(Double.parseDouble(knob("requests-per-second"))).isEqualTo(55.0);
    }
}
