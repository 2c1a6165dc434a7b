package dev.coalmine.demo.engines;

import dev.coalmine.demo.DemoComponent;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import dev.coalmine.demo.sim.PacedLoop;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;

/**
 * The in-cluster canary engines of the demo cluster, simulated on one thread: Argo Rollouts' rollout and analysis
 * controllers and Flagger's canary scheduler. They act only through the API server, as the real ones do, and read
 * request metrics from the demo's metrics page (the demo has no Prometheus).
 */
public final class EngineSimulation implements DemoComponent {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSimulation.class);
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
            try {
                rollouts.reconcile(clock.instant());
                runs.reconcile(clock.instant());
                canaries.reconcile(clock.instant());
            } catch (RuntimeException | Error e) {
                // The paced loop reschedules only after a RuntimeException; an Error would stop both engines for good.
                // The next pass tries again, so a failed one (the API server busy, the demo stopping) is no warning.
                LOG.debug("a pass of the simulated engines failed", e);
            }
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
