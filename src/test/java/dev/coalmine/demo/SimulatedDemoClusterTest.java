package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated controllers and traffic on the demo API server, driven by the real kubectl. */
class SimulatedDemoClusterTest {
    private DemoCluster cluster;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws Exception {
        cluster = DemoCluster.start(DemoOptions.defaults().withComponents(
                SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        Path kubeconfig = Files.createTempFile("demo", ".kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        kubectl = new Kubectl(kubeconfig);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aGoodImageRollsOutAndUndoGoesBack() {
        assertThat(kubectl.run("rollout", "status", "deploy/shop-frontend", "--timeout=60s").ok().out())
                .contains("successfully rolled out");
        kubectl.run("set", "image", "deploy/shop-frontend", "frontend=registry.example.com/shop/frontend:1.4.0").ok();
        assertThat(kubectl.run("rollout", "status", "deploy/shop-frontend", "--timeout=60s").ok().out())
                .contains("successfully rolled out");
        assertThat(kubectl.run("rollout", "history", "deploy/shop-frontend").ok().out()).containsPattern("(?m)^2 ");
        kubectl.run("rollout", "undo", "deploy/shop-frontend").ok();
        assertThat(kubectl.run("rollout", "status", "deploy/shop-frontend", "--timeout=60s").ok().out())
                .contains("successfully rolled out");
        assertThat(kubectl.run("get", "deploy/shop-frontend", "-o", "jsonpath={.spec.template.spec.containers[0].image} "
                + "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}").ok().out())
                .isEqualTo("registry.example.com/shop/frontend:1.3.0 3");
        assertThat(kubectl.run("get", "pods", "-l", "app=shop-frontend", "-o", "wide").ok().out()).contains("demo-node-");
    }

    @Test
    void anUnpullableImageExceedsTheDeadlineAndCrashloopRestarts() {
        kubectl.run("patch", "deploy/shop-api", "-p", "{\"spec\":{\"progressDeadlineSeconds\":3}}").ok();
        kubectl.run("set", "image", "deploy/shop-api", "api=registry.example.com/shop/does-not-exist:1").ok();
        var status = kubectl.run("rollout", "status", "deploy/shop-api", "--timeout=60s");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).contains("exceeded its progress deadline");
        assertThat(kubectl.run("get", "events", "--field-selector", "reason=Failed").ok().out()).contains("ErrImagePull");

        kubectl.run("set", "image", "deploy/shop-frontend", "frontend=registry.example.com/shop/crashloop:1").ok();
        dev.coalmine.demo.sim.Await.until("CrashLoopBackOff with restarts", () -> {
            String pods = kubectl.run("get", "pods", "-l", "app=shop-frontend").ok().out();
            return pods.contains("CrashLoopBackOff") || pods.matches("(?s).*Running\\s+[2-9].*");
        });
    }

    @Test
    void kubectlTopAndTheMetricsPageShowTheSimulatedPods() throws Exception {
        kubectl.run("rollout", "status", "deploy/shop-frontend", "--timeout=60s").ok();
        dev.coalmine.demo.sim.Await.until("kubectl top pods", () ->
                kubectl.run("top", "pods").out().lines().filter(l -> l.startsWith("shop-")).count() == 6);
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.metricsUrl().orElseThrow()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("http_requests_total{namespace=\"default\",pod=\"shop-frontend-")
                .contains("deployment=\"shop-frontend\",track=\"stable\",app=\"shop-frontend\",pod_template_hash=\"")
                .contains(",code=\"200\"}");
    }
}
