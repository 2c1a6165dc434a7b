package dev.coalmine.demo.traffic;

import dev.coalmine.demo.DemoComponent;
import dev.coalmine.demo.MetricsEndpoint;
import dev.coalmine.demo.ServedRequests;
import dev.coalmine.demo.sim.PacedLoop;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsList;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Steady request load on every Service, split across the ready pods it selects (or by its routing objects), a share
 * of it carrying the trainer's header, each pod answering as its image behaves (see {@link ImageBehaviour},
 * {@link KnobSettings}). Counters and latency histograms are served as Prometheus metrics on 127.0.0.1; per-pod CPU
 * and memory are available for a metrics.k8s.io view.
 */
public final class TrafficSimulation implements DemoComponent, MetricsEndpoint, ServedRequests {
    private static final double MAX_SLICE_SECONDS = 5;
    private static final String HEADER_CARRY = "header:";

    private final TrafficSettings settings;
    private final RequestRouting routing;
    private final RandomGenerator random;
    private final TrafficLedger ledger;
    private final Map<String, Double> carry = new HashMap<>();
    private volatile KnobSettings applied = KnobSettings.DEFAULTS;
    private String appliedVersion;
    private KubernetesClient client;
    private TrafficKnobs knobs;
    private PodMetricsPublisher publisher;
    private MetricsHttpServer server;
    private PacedLoop loop;
    private RouteReader routes;
    private long lastTickNanos;

    public TrafficSimulation(TrafficSettings settings) {
        this(settings, TrafficSplit.BY_POD_COUNT, new SplittableRandom());
    }

    public TrafficSimulation(TrafficSettings settings, TrafficSplit split, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings);
        this.routing = new RequestRouting(Objects.requireNonNull(split));
        this.random = Objects.requireNonNull(random);
        this.ledger = new TrafficLedger(random);
    }

    @Override
    public synchronized void start(KubernetesClient client) {
        if (loop != null) {
            throw new IllegalStateException("the traffic simulation is already running");
        }
        this.client = client;
        this.knobs = new TrafficKnobs(client);
        this.routes = new RouteReader(client);
        this.publisher = new PodMetricsPublisher(client, settings.usageWindow());
        this.server = new MetricsHttpServer(settings.metricsPort(), ledger::prometheusText);
        lastTickNanos = System.nanoTime();
        loop = new PacedLoop("coalmine-demo-traffic", settings.tick(), this::tick);
    }

    @Override
    public String metricsUrl() {
        MetricsHttpServer running = server;
        if (running == null) {
            throw new IllegalStateException("the traffic simulation has not been started");
        }
        return running.url();
    }

    /** The trainer's knobs (ConfigMap {@code coalmine-demo/coalmine-demo}); available once started. */
    public TrafficKnobs knobs() {
        if (knobs == null) {
            throw new IllegalStateException("the traffic simulation has not been started");
        }
        return knobs;
    }

    /** The knobs the last tick ran with. */
    public KnobSettings appliedKnobs() {
        return applied;
    }

    /** CPU and memory of every pod the simulation serves. */
    public List<PodUsage> podUsage() {
        return ledger.usage();
    }

    public Optional<PodUsage> podUsage(String namespace, String pod) {
        return ledger.usage(namespace, pod);
    }

    /** The requests a pod served, counted in its metrics and written to its access log. */
    @Override
    public Optional<List<ServedRequest>> served(String namespace, String pod, Instant from, Instant to) {
        return ledger.served(namespace, pod, from, to);
    }

    /** The pods' usage as metrics.k8s.io/v1beta1 serves it ({@code kubectl top pods}); null namespace = all. */
    public PodMetricsList podMetrics(String namespace) {
        return PodMetricsView.of(ledger.usage(), namespace, Instant.now(), settings.usageWindow());
    }

    private void tick() {
        long now = System.nanoTime();
        double seconds = Math.min((now - lastTickNanos) / 1e9, MAX_SLICE_SECONDS);
        lastTickNanos = now;
        simulate(seconds);
    }

    private void simulate(double seconds) {
        KnobSettings knobSettings = readKnobs();
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        List<Service> services = client.services().inAnyNamespace().list().getItems();
        PodOwners owners = PodOwners.read(client);
        Map<String, PodTraffic> running = new HashMap<>();
        for (Pod pod : pods) {
            if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                    && !pod.getSpec().getContainers().isEmpty()) {
                running.put(key(pod), new PodTraffic(owners.seriesOf(pod), pod.getSpec().getNodeName(),
                        pod.getSpec().getContainers().get(0).getName()));
            }
        }
        ledger.retain(running);
        Instant end = Instant.now();
        ServiceNames names = new ServiceNames(services);
        RouteReader.Objects objects = routes.read();
        double share = knobSettings.headerShare();
        Map<Pod, long[]> served = new LinkedHashMap<>();
        serve(routing.entries(services, names, pods, objects.routes(names, RequestHeader.NONE)), "",
                knobSettings.requestsPerSecond() * (1 - share) * seconds, served, 0);
        if (share > 0) {
            serve(routing.entries(services, names, pods, objects.routes(names, knobSettings.requestHeader())),
                    HEADER_CARRY, knobSettings.requestsPerSecond() * share * seconds, served, 1);
        }
        served.forEach((pod, counts) -> ledger.serve(key(pod), counts[0] + counts[1], counts[1],
                knobSettings.header(), knobSettings.behaviourOf(imageOf(pod)), seconds, end));
        publisher.publish(ledger.usage(), Instant.now());
        Set<String> keys = services.stream().map(s -> ServiceNames.key(s.getMetadata().getNamespace(),
                s.getMetadata().getName())).collect(Collectors.toSet());
        carry.keySet().removeIf(k -> !keys.contains(k.startsWith(HEADER_CARRY) ? k.substring(HEADER_CARRY.length()) : k));
    }

    /**
     * Adds {@code perService} requests of each entry's Service, shared among its pods, to the pods' counts at
     * {@code slot} (0 ordinary, 1 with the header); fractions carry over to the next slice under {@code carryPrefix}.
     */
    private void serve(List<RequestRouting.Entry> entries, String carryPrefix, double perService,
                       Map<Pod, long[]> served, int slot) {
        for (RequestRouting.Entry entry : entries) {
            double due = carry.getOrDefault(carryPrefix + entry.key(), 0.0) + perService;
            long requests = (long) Math.floor(due);
            carry.put(carryPrefix + entry.key(), due - requests);
            entry.shares().forEach((pod, share) -> {
                double expected = requests * share;
                long count = (long) Math.floor(expected) + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
                served.computeIfAbsent(pod, p -> new long[2])[slot] += count;
            });
        }
    }

    /** Re-reads the ConfigMap on every tick, but parses it only when it changed. */
    private KnobSettings readKnobs() {
        ConfigMap configMap = client.configMaps().inNamespace(TrafficKnobs.NAMESPACE).withName(TrafficKnobs.CONFIG_MAP).get();
        String version = configMap == null ? null : configMap.getMetadata().getResourceVersion();
        if (!Objects.equals(version, appliedVersion) || configMap == null) {
            applied = configMap == null ? KnobSettings.DEFAULTS : KnobSettings.parse(configMap.getData());
            appliedVersion = version;
        }
        return applied;
    }

    private static String imageOf(Pod pod) {
        return pod.getSpec().getContainers().isEmpty() ? "" : pod.getSpec().getContainers().get(0).getImage();
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
