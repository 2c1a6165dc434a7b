package dev.coalmine.demo.sim;

import dev.coalmine.demo.DemoComponent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-controller-manager, the scheduler and the kubelets would do, simulated on one thread: each pass
 * reads Deployments, ReplicaSets, Pods and Nodes once, then runs garbage collection, the deployment and
 * replicaset controllers, the scheduler and the kubelets. A slow pass (many objects) stretches the pause
 * after it, so the simulation never takes more than about a quarter of a core.
 */
public final class ClusterSimulation implements DemoComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSimulation.class);
    private static final int PAUSE_PER_BUSY_TIME = 3;

    private final SimulationSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final AtomicLong passes = new AtomicLong();
    private ScheduledExecutorService executor;
    private Pass pass;

    public ClusterSimulation(SimulationSettings settings) {
        this(settings, Clock.systemUTC(), new SplittableRandom());
    }

    public ClusterSimulation(SimulationSettings settings, Clock clock, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    @Override
    public synchronized void start(KubernetesClient client) {
        if (executor != null) {
            throw new IllegalStateException("the cluster simulation is already running");
        }
        ClusterWriter writer = new ClusterWriter(client);
        EventRecorder events = new EventRecorder(client, clock);
        new NodeProvisioner(client, writer).provision(settings.nodes(), clock.instant());
        pass = new Pass(client, new GarbageCollector(writer), new DeploymentController(writer, events),
                new ReplicaSetController(writer, events, random), new PodScheduler(writer, events),
                new Kubelets(writer, events, settings));
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "coalmine-demo-controllers");
            thread.setDaemon(true);
            return thread;
        });
        executor.schedule(this::runPass, 0, TimeUnit.MILLISECONDS);
    }

    /** Number of completed reconcile passes; tests and diagnostics use it to wait for the simulation to catch up. */
    public long passes() {
        return passes.get();
    }

    private void runPass() {
        long started = System.nanoTime();
        try {
            pass.run(clock);
            passes.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warn("demo cluster reconcile pass failed: {}", e.toString());
        }
        Duration busy = Duration.ofNanos(System.nanoTime() - started);
        Duration pause = busy.multipliedBy(PAUSE_PER_BUSY_TIME);
        if (pause.compareTo(settings.tick()) < 0) {
            pause = settings.tick();
        }
        synchronized (this) {
            if (executor != null && !executor.isShutdown()) {
                executor.schedule(this::runPass, pause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            if (running == null) {
                return;
            }
            running.shutdownNow();
        }
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pass(KubernetesClient client, GarbageCollector garbageCollector, DeploymentController deployments,
                        ReplicaSetController replicaSets, PodScheduler scheduler, Kubelets kubelets) {
        void run(Clock clock) {
            ClusterSnapshot snapshot = ClusterSnapshot.read(client, clock.instant());
            garbageCollector.collect(snapshot);
            deployments.reconcile(snapshot);
            replicaSets.reconcile(snapshot);
            scheduler.schedule(snapshot);
            kubelets.sync(snapshot);
        }
    }
}
