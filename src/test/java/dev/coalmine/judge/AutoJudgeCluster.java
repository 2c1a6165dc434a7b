package dev.coalmine.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.App;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.metrics.PrometheusAuth;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;

/**
 * A fast simulated demo cluster with enough traffic that a 3-second window holds hundreds of canary requests,
 * so a healthy canary's 0.1 % errors never look like a 10 % faulty one's.
 */
final class AutoJudgeCluster implements AutoCloseable {
    static final String NS = "default";
    static final String APP = "shop-frontend";
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String HEALTHY = "registry.example.com/shop/frontend:1.4.0";
    static final String FAULTY = "registry.example.com/shop/frontend:1.4.0-faulty";

    final DemoCluster demo = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));

    AutoJudgeCluster() {
        new TrafficKnobs(demo.client()).setRequestsPerSecond(600);
    }

    ReleaseService service(String identity) {
        return new ReleaseService(demo.client(), new ClusterCache(demo.client()), ReleaseSettings.defaults(identity)
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)), PrometheusAuth.none(),
                App.demoAddOn().detect(demo.client()).metricSources());
    }

    /** The demo's {@code host:port} of its metrics page, for Prometheus to scrape. */
    String metricsTarget() {
        return demo.metricsUrl().orElseThrow().replaceFirst("^http://", "").replaceFirst("/metrics$", "");
    }

    static ReleasePlan plan(String image, JudgeSettings judge) {
        JudgeSettings settings = judge.withInterval(Duration.ofSeconds(3))
                .withAnalysis(AnalysisPolicy.defaults().withMaxFailedChecks(2).withPassingChecksToPromote(3));
        return ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=" + image)), CanarySize.count(1), true)
                .withJudge(JudgeSpec.automatic(settings)).withSteadyStateTimeout(Duration.ofSeconds(60));
    }

    Deployment deployment(String name) {
        return demo.client().apps().deployments().inNamespace(NS).withName(name).get();
    }

    void assertStableRuns(String image) {
        assertThat(deployment(APP).getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(image);
        assertThat(deployment(APP + "-canary")).isNull();
        assertThat(deployment(APP + "-baseline")).isNull();
    }

    @Override
    public void close() {
        demo.close();
    }
}
