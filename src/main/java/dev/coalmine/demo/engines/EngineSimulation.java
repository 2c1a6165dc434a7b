package dev.coalmine.demo.engines;

import dev.coalmine.demo.DemoComponent;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import dev.coalmine.demo.sim.PacedLoop;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The in-cluster canary engines of the demo cluster, simulated on one thread: Argo Rollouts' rollout and analysis
 * controllers and Flagger's canary scheduler. They act only through the API server, as the real ones do, and read
 * request metrics from the demo's metrics page (the demo has no Prometheus).
 */
public final class EngineSimulation implements DemoComponent {
    private final Duration tick;
    private final Clock clock;
    private PacedLoop loop;
    private DemoMetricsSource metrics;

    public EngineSimulation(Duration tick) {
        this(tick, Clock.systemUTC());
    }

    public EngineSimulation(Duration tick, Clock clock) {
        this.tick = tick;
        this.clock = clock;
    }

    @Override
    public synchronized void start(KubernetesClient client) {
        if (loop != null) {
            throw new IllegalStateException("the engine simulation is already running");
        }
        EngineApi api = new EngineApi(client);
        metrics = DemoMetricsSource.forCluster(client);
        RolloutController rollouts = new RolloutController(api);
        AnalysisRunController runs = new AnalysisRunController(api, metrics);
        CanaryController canaries = new CanaryController(api, metrics);
        loop = new PacedLoop("coalmine-demo-engines", tick, () -> {
            rollouts.reconcile(clock.instant());
            runs.reconcile(clock.instant());
            canaries.reconcile(clock.instant());
        });
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
