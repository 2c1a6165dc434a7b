package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.PodSelection;
import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogCursor;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.CachedWorkloadReads;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.feed.EventFeed;
import dev.coalmine.kube.feed.PodLogFeed;
import dev.coalmine.kube.feed.RolloutFeed;
import dev.coalmine.metrics.KubernetesHealthSource;
import dev.coalmine.metrics.TrackHealth;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One workload's release as this process has it open: what the console's rollout view and the CLI's commands
 * use. It publishes status snapshots built from the connection's shared cache (no GETs), drives the release
 * while it holds or awaits the workload's Lease (in the background with back-off for a console, or blocking for a
 * command), records decisions, and offers the release's Events, rollout lines, pod logs and evidence. Closing it
 * stops driving (giving the Lease up for the next process), closes its streams and lets the cache go.
 */
public final class ReleaseSession implements AutoCloseable {
    private static final Duration DRIVE_LIMIT = Duration.ofDays(7);
    private static final Duration CHART_REFRESH = Duration.ofSeconds(5);
    /** How long closing waits for the driver to give the Lease up (one request, unless the server is unreachable). */
    private static final Duration GIVING_UP = Duration.ofSeconds(5);

    private final ReleaseService service;
    private final KubernetesClient client;
    private final ClusterCache cache;
    private final String namespace;
    private final String deployment;
    private final String identity;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Consumer<ReleaseStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean publishQueued = new AtomicBoolean();
    private final ExecutorService worker;
    /** Collects evidence apart from {@link #worker}, so a slow metric source never holds up a status snapshot. */
    private final ScheduledExecutorService evidenceTicker;
    private volatile CachedObjects<Deployment> deployments;
    private volatile CachedObjects<ConfigMap> states;
    private volatile CachedObjects<Lease> leases;
    private volatile KubernetesHealthSource podHealth;
    private volatile ReleaseStatus published;
    private volatile Thread driving;
    private volatile boolean closed;
    private ReleaseState evidenceOf;
    private ReleaseEvidence evidence;

    ReleaseSession(ReleaseService service, KubernetesClient client, ClusterCache cache, String namespace,
                   String deployment, String identity) {
        this.service = service;
        this.client = client;
        this.cache = cache;
        this.namespace = namespace;
        this.deployment = deployment;
        this.identity = identity;
        this.worker = Executors.newSingleThreadExecutor(daemon("coalmine-release-" + deployment));
        this.evidenceTicker = Executors.newSingleThreadScheduledExecutor(daemon("coalmine-evidence-" + deployment));
    }

    public String namespace() {
        return namespace;
    }

    public String deployment() {
        return deployment;
    }

    /**
     * Calls {@code listener} with the release as it is now and again whenever it changes (on the session's own
     * thread; bursts of changes collapse into one snapshot). Blocks while the cache first lists.
     */
    public AutoCloseable watch(Consumer<ReleaseStatus> listener) {
        openCache();
        listeners.add(listener);
        worker.execute(() -> listener.accept(snapshot()));
        return () -> listeners.remove(listener);
    }

    private synchronized void openCache() {
        if (deployments == null) {
            // Assigned only once all three are open: a failed open is tried again by the next call.
            CachedObjects<Deployment> openedDeployments = keep(cache.open(CachedKind.DEPLOYMENTS, namespace));
            CachedObjects<ConfigMap> openedStates = keep(cache.open(CachedKind.RELEASE_STATES, namespace));
            CachedObjects<Lease> openedLeases = keep(cache.open(CachedKind.RELEASE_LEASES, namespace));
            CachedObjects<Pod> openedPods = keep(cache.open(CachedKind.TRACK_PODS, namespace));
            podHealth = new KubernetesHealthSource(client, keep(new CachedWorkloadReads(cache)));
            states = openedStates;
            leases = openedLeases;
            deployments = openedDeployments;
            // Listening last: a listener first hears every cached object, and a snapshot needs all three views.
            // Canary and baseline pods too: a card must show a CrashLoopBackOff as it happens.
            for (CachedObjects<?> objects : List.of(openedDeployments, openedStates, openedLeases, openedPods)) {
                objects.onAnyChange(this::changed);
            }
        }
    }

    /** The release as the cache shows it now. */
    public ReleaseStatus status() {
        openCache();
        return snapshot();
    }

    private void changed() {
        if (!closed && publishQueued.compareAndSet(false, true)) {
            worker.execute(this::publish);
        }
    }

    private void publish() {
        publishQueued.set(false);
        ReleaseStatus now = snapshot();
        if (!now.equals(published)) {
            published = now;
            listeners.forEach(l -> l.accept(now));
        }
    }

    private ReleaseStatus snapshot() {
        ReleaseState current = service.decode(namespace, deployment, states.get(ReleaseNames.stateConfigMap(deployment)))
                .current().orElse(null);
        return snapshot(current);
    }

    private ReleaseStatus snapshot(ReleaseState current) {
        Map<Track, TrackHealth> health = podHealth.health(namespace, deployment);
        return new ReleaseStatus(namespace, deployment, current, track(Track.STABLE, health),
                track(Track.CANARY, health), track(Track.BASELINE, health), holder());
    }

    private TrackStatus track(Track track, Map<Track, TrackHealth> health) {
        TrackHealth pods = health.get(track);
        return TrackStatus.of(deployments.get(track.workloadName(deployment)),
                pods == null ? List.of() : pods.pods().stream().map(PodSummary::of).toList());
    }

    private String holder() {
        Lease lease = leases.get(ReleaseNames.lease(deployment));
        return lease == null ? null : WorkloadLease.liveHolder(lease, service.now()).orElse(null);
    }

    /**
     * Drives the release in the background until it is finished or the session closes. An error (the API server
     * slow to answer, a conflict it could not resolve, the Lease briefly lost) goes to {@code problems} and the drive
     * starts again after a pause, from what the cluster shows: nothing is lost or repeated. {@code problems} receives
     * an empty value once a drive gets going again.
     */
    public synchronized void driveInBackground(Consumer<Optional<String>> problems) {
        if (driving != null || closed) {
            return;
        }
        RetryingDrive retrying = new RetryingDrive(going -> service.drive(namespace, deployment, s -> false,
                DRIVE_LIMIT, state -> going.run()), DriveBackoff.DEFAULT, new Random());
        Thread thread = new Thread(() -> retrying.run(problems), "coalmine-drive-" + deployment);
        thread.setDaemon(true);
        driving = thread;
        thread.start();
    }

    /**
     * Drives the release in this thread until it is finished or {@code until} holds, or {@code timeout} passes
     * (a command waiting for its outcome); {@code progress} sees every state change.
     */
    public ReleaseState drive(Predicate<ReleaseState> until, Duration timeout, Consumer<ReleaseState> progress) {
        return service.drive(namespace, deployment, until, timeout, progress);
    }

    public ReleaseState promote(String who) {
        return service.promote(namespace, deployment, who);
    }

    public ReleaseState reject(String who) {
        return service.reject(namespace, deployment, who);
    }

    /** Lets a step paused for a person go on (see {@link ReleaseService#resumePause}). */
    public ReleaseState resumePause(String who) {
        return service.resumePause(namespace, deployment, who);
    }

    /** Who this process is when it records a decision from a view (the console's identity). */
    public String identity() {
        return identity;
    }

    /** The Kubernetes Events of the release's objects, from those still stored on. */
    public void followEvents(FeedSink<EventRecord> sink) {
        keep(EventFeed.open(cache, client, namespace, deployment, sink));
    }

    /** {@code kubectl rollout status} lines of stable, canary and baseline, joined by the engine's step log. */
    public void followRollout(FeedSink<RolloutLine> sink) {
        RolloutFeed feed = keep(RolloutFeed.open(cache, namespace, Set.of(deployment, ReleaseNames.canary(deployment),
                ReleaseNames.baseline(deployment)), sink));
        keep(watch(new StepLines(feed::addStep)));
    }

    /** The logs of the canary and baseline pods, as {@code kubectl logs -f --prefix} shows them. */
    public void followPodLogs(FeedSink<LogLine> sink) {
        keep(PodLogFeed.open(cache, client, namespace, new PodSelection.TrackPods(deployment,
                Set.of(Track.CANARY, Track.BASELINE)), sink, PodLogFeed.Options.defaults()));
    }

    /**
     * The evidence of the current release, shared with the automatic judge in this process: its subscribers receive
     * every collection, the judge's and the ones this session makes every few seconds for the charts. Empty while
     * the workload has no release.
     */
    public synchronized Optional<ReleaseEvidence> openEvidence() {
        if (evidence == null) {
            Optional<ReleaseState> release = status().current();
            if (release.isEmpty()) {
                return Optional.empty();
            }
            evidenceOf = release.get();
            evidence = service.evidences().acquire(evidenceOf);
            ReleaseEvidence shared = evidence;
            evidenceTicker.scheduleWithFixedDelay(() -> collectQuietly(shared), 0, CHART_REFRESH.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return Optional.of(evidence);
    }

    private void collectQuietly(ReleaseEvidence shared) {
        if (closed) {
            return;
        }
        try {
            shared.collect(now());
        } catch (RuntimeException e) {
            // a failed collection is the next one's to repeat; the scheduled refresh must go on
        }
    }

    /** Now, as the engine's clock has it: the end of every evidence collection, the judge's and the charts'. */
    public Instant now() {
        return service.now();
    }

    /** Closes {@code resource} with the session. */
    public <T extends AutoCloseable> T keep(T resource) {
        synchronized (opened) {
            if (closed) {
                closeQuietly(resource);
                throw new CoalmineException("the release view of " + deployment + " was closed");
            }
            opened.add(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = driving;
        if (thread != null) {
            // The driver stops when interrupted and gives the Lease up, so another process can continue at once;
            // waiting for that keeps a console that exits right after closing from leaving the Lease to expire.
            thread.interrupt();
            try {
                thread.join(GIVING_UP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker.shutdownNow();
        evidenceTicker.shutdownNow();
        List<AutoCloseable> closing;
        synchronized (opened) {
            closing = new ArrayList<>(opened);
            opened.clear();
        }
        closing.forEach(ReleaseSession::closeQuietly);
        synchronized (this) {
            if (evidence != null) {
                service.evidences().release(evidenceOf);
                evidence = null;
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing a feed whose connection already dropped has nothing to undo
        }
    }

    /** Sends each step-log line of the release once, in order, as it appears in a snapshot. */
    private static final class StepLines implements Consumer<ReleaseStatus> {
        private final StepSink sink;
        private final StepLogCursor cursor = new StepLogCursor();

        interface StepSink {
            void addStep(String source, String text);
        }

        StepLines(StepSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(ReleaseStatus status) {
            status.current().ifPresent(state -> cursor.next(state).forEach(entry ->
                    sink.addStep("coalmine", "[" + entry.stage().title() + "] " + entry.message())));
        }
    }
}
