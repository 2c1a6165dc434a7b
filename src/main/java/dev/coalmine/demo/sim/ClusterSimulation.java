package dev.coalmine.demo.sim;

import dev.coalmine.demo.DemoComponent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * What kube-controller-manager, the scheduler and the kubelets would do, simulated on one thread: each pass
 * reads Deployments, ReplicaSets, Pods and Nodes once, then runs garbage collection, the deployment and
 * replicaset controllers (after the horizontal-pod-autoscaler), the scheduler and the kubelets. A slow pass (many objects) stretches the pause
 * after it, so the simulation never takes more than about a quarter of a core.
 */
public final class ClusterSimulation implements DemoComponent {

    private final SimulationSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final AtomicLong passes = new AtomicLong();
    private PacedLoop loop;

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
        if (loop != null) {
            throw new IllegalStateException("the cluster simulation is already running");
        }
        ClusterWriter writer = new ClusterWriter(client);
        EventRecorder events = new EventRecorder(client, clock);
        new NodeProvisioner(client, writer).provision(settings.nodes(), clock.instant());
        Pass pass = new Pass(client, events, new GarbageCollector(writer), new DeploymentController(writer, events),
                new ReplicaSetController(writer, events, random, settings), new PodScheduler(writer, events),
                new Kubelets(writer, events, settings), new HorizontalPodAutoscalerController(client, writer, events));
        loop = new PacedLoop("coalmine-demo-controllers", settings.tick(), () -> {
            pass.run(clock);
            passes.incrementAndGet();
        });
    }

    /** Number of completed reconcile passes; tests and diagnostics use it to wait for the simulation to catch up. */
    public long passes() {
        return passes.get();
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
        }
    }

    private record Pass(KubernetesClient client, EventRecorder events, GarbageCollector garbageCollector, DeploymentController deployments,
                        ReplicaSetController replicaSets, PodScheduler scheduler, Kubelets kubelets,
                        HorizontalPodAutoscalerController autoscalers) {
        void run(Clock clock) {
            ClusterSnapshot snapshot = ClusterSnapshot.read(client, clock.instant());
            garbageCollector.collect(snapshot);
            autoscalers.reconcile(snapshot);
            deployments.reconcile(snapshot);
            replicaSets.reconcile(snapshot);
            scheduler.schedule(snapshot);
            kubelets.sync(snapshot);
            events.expire();
        }
    }
}
