package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.core.release.WorkloadStatus;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The release engine's API for the console and the CLI. {@link #start} prepares and records a release;
 * {@link #promote} and {@link #reject} record decisions; {@link #drive} carries a release forward in this process
 * (whoever holds the workload's Lease does the work; the others follow). Blocking: never call on the FX thread.
 */
public final class ReleaseService {
    private final KubernetesClient client;
    private final ClusterCache cache;
    /**
     * The release states this service wrote or read by name, for every read through {@link #cache}: a drive right
     * after a start or a decision goes on from that write.
     */
    private final FreshCopies own = new FreshCopies();
    private final ReleaseSettings settings;
    private final ReleaseStore store;
    private final WorkloadObserver observer;
    private final ReleasePreparer preparer;
    private final ReleaseEvents events;
    private final ReleaseDriver driver;
    private final ReleaseEvidences evidences;
    private final ReleaseActions actions;
    private final MetricsPreflight metricsPreflight;

    /** With a cache of its own and Prometheus credentials from the environment ({@link PrometheusAuth#fromEnvironment}). */
    public ReleaseService(KubernetesClient client, ReleaseSettings settings) {
        this(client, new ClusterCache(client), settings, PrometheusAuth.fromEnvironment(System.getenv()),
                MetricSources.standard());
    }

    /**
     * @param cache          the connection's shared cache, which the driver and every session of this service watch through
     * @param prometheusAuth credentials for a Prometheus the automatic judge reaches by URL
     * @param metricSources  what the automatic judge may read on this cluster (the demo's metrics only on the demo)
     */
    public ReleaseService(KubernetesClient client, ClusterCache cache, ReleaseSettings settings,
                          PrometheusAuth prometheusAuth, MetricSources metricSources) {
        this.client = client;
        this.cache = cache;
        this.settings = settings;
        this.store = new ReleaseStore(client, new ReleaseStateCodec());
        this.observer = new WorkloadObserver(client, settings.clock());
        CanaryRenderer renderer = new CanaryRenderer(client.getKubernetesSerialization());
        this.actions = new ReleaseActions(client, renderer);
        this.preparer = new ReleasePreparer(client, renderer, actions);
        this.events = new ReleaseEvents(client, settings.identity());
        this.evidences = new ReleaseEvidences(client, cache, prometheusAuth, metricSources);
        this.metricsPreflight = new MetricsPreflight(client, prometheusAuth, metricSources);
        this.driver = new ReleaseDriver(client, cache, own, store, observer, actions, events, settings,
                new ReleaseAnalyser(evidences));
    }

    /** Renders what {@code plan} would create and the replica counts; changes nothing. */
    public ReleasePreview plan(ReleasePlan plan) {
        Deployment stable = preparer.stable(plan);
        int number = store.load(plan.namespace(), plan.deployment()).nextNumber();
        ReleasePreparer.Prepared prepared = preparer.prepare(plan, number, stable, settings.clock().instant());
        ReleaseState state = prepared.state();
        List<HasMetadata> objects = preparer.objects(prepared, stable).stream()
                .filter(o -> !o.getMetadata().getName().equals(plan.deployment()))
                .filter(ClusterWrites::isOurs)
                .map(o -> o == prepared.secretData() ? withoutData(prepared.secretData()) : o)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (plan.weighted()) {
            // The operator's routing objects too, as the release changes them at its first step.
            objects.addAll(actions.routes().route(state, stable).routingObjects(state.plan().traffic().weightAt(0)));
        }
        String yaml = ReleasePreview.yamlOf(objects, client.getKubernetesSerialization());
        return new ReleasePreview(plan, number, stable.getSpec().getReplicas() == null ? 1 : stable.getSpec().getReplicas(),
                state.canaryReplicas(), plan.baseline() ? state.canaryReplicas() : 0, objects, yaml, prepared.notes());
    }

    /**
     * Prepare: refuses while a release is unfinished, checks that an automatic judge's Prometheus answers and accepts
     * its queries, checks RBAC, dry-runs every object (unless
     * {@code skipDryRun}), then records the release in CanaryDeploying. Call {@link #drive} to carry it out. The
     * Deployments and the release state are read through the watches the drive then goes on with.
     */
    public ReleaseState start(ReleasePlan plan, boolean skipDryRun) {
        try (DriveView view = openForStart(plan)) {
            return start(plan, skipDryRun, view);
        }
    }

    private ReleaseState start(ReleasePlan plan, boolean skipDryRun, DriveView view) {
        Deployment stable = preparer.stable(plan, view::deployment);
        events.knowStable(stable);
        ConfigMap stored = view.stateMap();
        ReleaseHistory history = store.decode(plan.namespace(), plan.deployment(), stored);
        history.refuseIfUnfinished();
        int number = history.nextNumber();
        ReleasePreparer.Prepared prepared = preparer.prepare(plan, number, stable, settings.clock().instant());
        metricsPreflight.check(plan);
        List<Permission> needed = RbacPreflight.neededFor(!prepared.secrets().noSecrets(), plan.traffic().provider());
        new RbacPreflight(client).check(plan.namespace(), needed);
        String dryRun = skipDryRun ? "server-side dry run skipped (--skip-dry-run)"
                : "server-side dry run passed for " + preparer.dryRun(prepared, stable) + " object(s)";
        ReleaseState ready = prepared.state().withPrepareLines(settings.clock().instant(),
                List.of("RBAC preflight passed (" + needed.size() + " permissions)", dryRun));
        preparer.keepSecretData(prepared);
        try {
            view.wrote(store.updateFrom(plan.namespace(), plan.deployment(), stored, h -> {
                h.refuseIfUnfinished();
                if (h.nextNumber() != number) {
                    throw new CoalmineException("another release of " + plan.deployment() + " was started at the same "
                            + "moment; look at coalmine canary status " + plan.deployment());
                }
                return h.begin(ready);
            }).map());
        } catch (RuntimeException e) {
            if (!recorded(ready)) {
                preparer.dropSecretData(prepared);
            }
            throw e;
        }
        events.record(ready, ready.log());
        settings.log().info(describe(ready) + ": started by " + settings.identity() + ", canary "
                + ready.canaryReplicas() + " pod(s)" + (plan.baseline() ? " and a baseline" : ""));
        return ready;
    }

    /**
     * The drive's watches for a start. Who may not list and watch what a release needs hears it from the RBAC
     * preflight, naming every missing permission, rather than from the first watch refused.
     */
    private DriveView openForStart(ReleasePlan plan) {
        try {
            return DriveView.open(client, cache, plan.namespace(), plan.deployment(), own);
        } catch (CoalmineException e) {
            new RbacPreflight(client).check(plan.namespace(), RbacPreflight.neededFor(false, plan.traffic().provider()));
            throw e;
        }
    }

    public ReleaseStatus status(String namespace, String deployment) {
        ReleaseState current = store.load(namespace, deployment).current().orElse(null);
        int release = current == null ? -1 : current.number();
        return new ReleaseStatus(namespace, deployment, current,
                TrackStatus.of(observer.status(namespace, deployment, ReleaseNames.STABLE, release)),
                TrackStatus.of(observer.status(namespace, deployment, ReleaseNames.CANARY, release)),
                TrackStatus.of(observer.status(namespace, deployment, ReleaseNames.BASELINE, release)),
                new WorkloadLease(client, namespace, deployment, settings.identity(), settings.leaseDuration(),
                        settings.clock()).holder().orElse(null));
    }

    /**
     * Records "promote" by {@code who}. Throws "already decided by …" if someone rejected first; if the release
     * was already promoted it is returned as it is (so a re-run after a kill just continues). Refused, with the
     * choices, while stable was changed during the release where the release changes it too.
     */
    public ReleaseState promote(String namespace, String deployment, String who) {
        try (DriveView view = DriveView.open(client, cache, namespace, deployment, own)) {
            store.decode(namespace, deployment, view.stateMap()).current()
                    .filter(r -> r.decision() == null && r.phase().awaitingDecision())
                    .ifPresent(r -> refuseIfStableConflicts(r, liveStable(namespace, deployment)));
            return decide(namespace, deployment, DecisionVerdict.PROMOTE, who, view);
        }
    }

    /**
     * Read, not taken from the watch: an edit of stable made a moment before the promote must refuse it now, while
     * the person can still reject, rather than fail the release once the watch shows it.
     */
    private Deployment liveStable(String namespace, String deployment) {
        return client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    }

    private void refuseIfStableConflicts(ReleaseState release, Deployment stable) {
        if (stable == null) {
            return;
        }
        String name = release.plan().deployment();
        if (StableShape.pausesRollouts(stable)) {
            throw new CoalmineException("release " + release.number() + " of " + name + " cannot be promoted while "
                    + name + " is paused (spec.paused: true): its rolling update would not start. Resume it (kubectl "
                    + "rollout resume deployment/" + name + " -n " + release.plan().namespace() + ") and promote "
                    + "again, or reject this release");
        }
        StableTemplateMerge.Merged merged = actions.promotionMerge(release, preparer.snapshotOf(release), stable);
        if (!merged.clean()) {
            throw new CoalmineException("release " + release.number() + " of " + name + " cannot be promoted: "
                    + merged.describe() + ". Reject this release (coalmine canary reject " + name + "), or "
                    + merged.undo() + " and promote again");
        }
    }

    /**
     * A person lets a paused step go on (a pause without a duration waits for this). Refused, saying why, when the
     * current release is not paused; saying it twice is harmless.
     */
    public ReleaseState resumePause(String namespace, String deployment, String who) {
        ReleaseHistory saved = store.update(namespace, deployment, h -> h.updateCurrent(r -> {
            TrafficState traffic = r.trafficIfAny().filter(t -> t.paused() && !r.finished()).orElseThrow(() ->
                    new CoalmineException("release " + r.number() + " of " + deployment + " is not paused at a step ("
                            + r.phase().label() + "); nothing to resume"));
            return traffic.resumed() ? r : r.withTraffic(traffic.resumedByPerson()).withLog(settings.clock().instant(),
                    Stage.ANALYSIS, "resumed at " + traffic.weight() + " % by " + who);
        }));
        return saved.current().orElseThrow();
    }

    /** Whether the current release waits at a pause for a person. */
    public static boolean pausedForPerson(ReleaseState state) {
        return !state.finished() && state.trafficIfAny().filter(t -> t.paused() && !t.resumed()).isPresent()
                && state.plan().traffic().pauseAt(state.traffic().step()).filter(p -> p.duration() == null).isPresent();
    }

    /** Records "reject" by {@code who}; like {@link #promote}, the opposite decision recorded first wins. */
    public ReleaseState reject(String namespace, String deployment, String who) {
        try (DriveView view = DriveView.open(client, cache, namespace, deployment, own)) {
            return decide(namespace, deployment, DecisionVerdict.REJECT, who, view);
        }
    }

    /** All releases of the workload, oldest first. */
    public List<ReleaseState> history(String namespace, String deployment) {
        return storedHistory(namespace, deployment).releases();
    }

    /** The stored history: the releases kept, oldest first, and how many older ones were not kept. */
    public ReleaseHistory storedHistory(String namespace, String deployment) {
        return store.load(namespace, deployment);
    }

    /**
     * Calls {@code listener} with the workload's stored history now and whenever it changes, read from the
     * connection's cache (on the feed's own thread; {@code problems} hears when it cannot be read). Blocks while the
     * cache first lists; close when done.
     */
    public AutoCloseable followHistory(String namespace, String deployment, Consumer<ReleaseHistory> listener,
                                       Consumer<String> problems) {
        return new StoredHistoryFeed(this, cache, namespace, deployment, listener, problems);
    }

    /**
     * Every unfinished release in {@code namespace}, or in all namespaces ({@link ClusterCache#ALL_NAMESPACES}) with
     * one LIST and one WATCH of the release states and of the Leases; {@code listener} gets the list now and after
     * every change. Blocks while the cache first lists; close when done.
     *
     * @throws ListingForbiddenException when the user may not list them in that scope
     */
    public ReleasesInProgress releasesInProgress(String namespace, Consumer<List<InProgressRelease>> listener) {
        return new ReleasesInProgress(this, cache, settings.clock(), namespace, listener);
    }

    /**
     * The plan body of a finished release whose body moved to a ConfigMap of its own ({@code …-<N>-plan}): its
     * manifest text, or the cluster snapshot of an image release; empty when it was not moved, not kept or is gone.
     * One read.
     */
    public Optional<String> movedPlanBody(ReleaseState release) {
        return store.bodies().read(release);
    }

    /** Calls {@code listener} (on a fabric8 thread) whenever the stored history changes; close when done. */
    public Watch watch(String namespace, String deployment, Consumer<ReleaseHistory> listener) {
        return store.watch(namespace, deployment, listener);
    }

    /**
     * Carries the current release forward in this process until it is finished or {@code until} holds
     * (e.g. {@code s -> s.phase().awaitingDecision()}), or {@code timeout} passes.
     */
    public ReleaseState drive(String namespace, String deployment, Predicate<ReleaseState> until, Duration timeout,
                              Consumer<ReleaseState> progress) {
        return driver.run(namespace, deployment, until, timeout, progress);
    }

    /**
     * Opens the workload's release in this process: snapshots from the shared cache, driving, decisions, feeds and
     * evidence. Close it when done.
     */
    public ReleaseSession session(String namespace, String deployment) {
        return new ReleaseSession(this, client, cache, namespace, deployment, settings.identity());
    }

    ReleaseHistory decode(String namespace, String deployment, ConfigMap map) {
        return store.decode(namespace, deployment, map);
    }

    /** The connection's shared cache this service watches through. */
    public ClusterCache cache() {
        return cache;
    }

    ReleaseEvidences evidences() {
        return evidences;
    }

    Instant now() {
        return settings.clock().instant();
    }

    /**
     * Writes the decision on top of the state as the watch (or our own last write) shows it; a stale copy only costs
     * the conflict's fresh read.
     */
    private ReleaseState decide(String namespace, String deployment, DecisionVerdict verdict, String who,
                                DriveView view) {
        AtomicReference<ReleaseState> before = new AtomicReference<>();
        ReleaseStore.Saved written = store.updateFrom(namespace, deployment, view.stateMap(), h -> {
            ReleaseState current = h.current().orElseThrow(() -> new CoalmineException(deployment + " in namespace "
                    + namespace + " has no release to decide on; start one with coalmine canary start"));
            before.set(current);
            if (current.decision() != null && current.decision().verdict() == verdict) {
                return h;
            }
            return h.updateCurrent(r -> r.withDecision(new Decision(verdict, who, settings.clock().instant())));
        });
        view.wrote(written.map());
        ReleaseState state = written.history().current().orElseThrow();
        if (!state.equals(before.get()) && state.decision() != null && who.equals(state.decision().who())) {
            events.record(state, state.log().get(state.log().size() - 1));
            settings.log().info(describe(state) + ": " + verdict.name().toLowerCase(Locale.ROOT) + " recorded by " + who);
        }
        return state;
    }

    /** "release 3 of shop/web": what a log line is about. */
    private static String describe(ReleaseState release) {
        return "release " + release.number() + " of " + release.plan().namespace() + "/" + release.plan().deployment();
    }

    /** Whether {@code release} was saved after all (a write can succeed although its answer was lost). */
    private boolean recorded(ReleaseState release) {
        try {
            return store.load(release.plan().namespace(), release.plan().deployment()).current()
                    .filter(r -> r.number() == release.number()
                            && r.clusterSnapshot().equals(release.clusterSnapshot())).isPresent();
        } catch (RuntimeException e) {
            return true; // unknown: keep the Secret; the release's wrap-up deletes it if it was recorded
        }
    }

    /** The preview names the Secret that will hold the Secrets' data, without showing the data once more. */
    private static Secret withoutData(Secret secret) {
        return new SecretBuilder(secret).withData(null).build();
    }

}
