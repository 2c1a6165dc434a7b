package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.Observation;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleaseDecider;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.Step;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.kube.RetriedRequests;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Drives a workload's release: observe → decide (core) → save → act, while holding the workload's Lease.
 * Every phase change and decision is saved before its actions run, and every action is chosen from what the
 * cluster shows, so a process killed at any point is simply continued by the next one. Without the Lease it only
 * follows the state.
 *
 * <p>Steps that only add log lines are not saved on their own: a "waiting for …" line is shown to the caller and
 * kept until the next save, and the lines of a step that acts within the phase (creating the canary, rolling stable
 * back) are saved with the next phase change, after the action. Such a step changes nothing a decision depends on,
 * and {@code decide} is level-triggered, so a kill before that save loses at most those lines.
 */
final class ReleaseDriver {
    private static final int MAX_CHAINED = 4;
    private final KubernetesClient client;
    private final ClusterCache cache;
    private final FreshCopies own;
    private final ReleaseStore store;
    private final WorkloadObserver observer;
    private final ReleaseActions actions;
    private final ReleaseEvents events;
    private final ReleaseSettings settings;
    private final ReleaseAnalyser analyser;
    /** One per workload, kept between drives: the Lease this process released is the basis for taking it again. */
    private final Map<String, WorkloadLease> leases = new ConcurrentHashMap<>();

    ReleaseDriver(KubernetesClient client, ClusterCache cache, FreshCopies own, ReleaseStore store,
                  WorkloadObserver observer, ReleaseActions actions, ReleaseEvents events, ReleaseSettings settings,
                  ReleaseAnalyser analyser) {
        this.client = client;
        this.cache = cache;
        this.own = own;
        this.store = store;
        this.observer = observer;
        this.actions = actions;
        this.events = events;
        this.settings = settings;
        this.analyser = analyser;
    }

    /**
     * Drives (or follows, when another process holds the Lease) the current release until it is finished or
     * {@code until} holds, and returns that state. {@code progress} sees every state change, with the lines not
     * saved yet. The cluster is watched, not polled: a change wakes the loop at once, and it also looks every poll
     * interval (timeouts, analysis checks, the Lease).
     */
    public ReleaseState run(String namespace, String deployment, Predicate<ReleaseState> until, Duration timeout,
                            Consumer<ReleaseState> progress) {
        WorkloadLease lease = leases.computeIfAbsent(namespace + "/" + deployment, k -> new WorkloadLease(client,
                namespace, deployment, settings.identity(), settings.leaseDuration(), settings.clock()));
        Instant deadline = settings.clock().instant().plus(timeout);
        // Also look in time to renew (or retry) the Lease when nothing happens.
        Duration look = settings.pollInterval().compareTo(lease.renewWithin()) < 0
                ? settings.pollInterval() : lease.renewWithin();
        ReleaseState seen = null;
        try (DriveView view = DriveView.open(client, cache, namespace, deployment, own)) {
            Drive drive = new Drive(view, until);
            try {
                while (true) {
                    long changes = view.changes();
                    ReleaseState state = current(namespace, deployment, view);
                    ReleaseState shown = drive.unsaved.on(state);
                    if (!shown.equals(seen)) {
                        progress.accept(shown);
                        seen = shown;
                    }
                    if (state.finished() || until.test(state)) {
                        return state;
                    }
                    boolean busy;
                    if (waitsForPerson(state)) {
                        lease.releaseIfHeld(); // nothing to drive until someone decides, so nothing to renew
                        busy = false;
                    } else {
                        busy = lease.holdOrRetry() && drive.tick(state);
                    }
                    if (settings.clock().instant().isAfter(deadline)) {
                        throw new CoalmineException("release " + state.number() + " of " + deployment + " is still in "
                                + "phase " + state.phase().label() + " after " + timeout.toSeconds() + " s; run the "
                                + "command again to continue (nothing is lost)");
                    }
                    if (!busy) {
                        await(view, changes, look);
                    }
                }
            } finally {
                analyser.closeWorkload(namespace, deployment);
                lease.release();
            }
        }
    }

    /**
     * A release by replica ratio waiting for a person changes only when someone records a decision (the watch wakes
     * the loop then), so no process needs to hold its Lease meanwhile.
     */
    private static boolean waitsForPerson(ReleaseState state) {
        // A weighted release still climbs its ladder by the clock (steps, timed pauses) while it waits.
        return state.phase() instanceof ReleasePhase.AwaitingJudgment && state.decision() == null
                && !state.plan().traffic().weighted();
    }

    /** One drive's rounds of observe → decide → save → act, over the drive's watches. */
    private final class Drive {
        private final DriveView view;
        private final Predicate<ReleaseState> until;
        private final FruitlessActions fruitless = new FruitlessActions();
        private final UnsavedLines unsaved = new UnsavedLines();

        Drive(DriveView view, Predicate<ReleaseState> until) {
            this.view = view;
            this.until = until;
        }

        /** One round for {@code stored}, the state as saved; true when something changed. */
        boolean tick(ReleaseState stored) {
            ReleaseState state = unsaved.on(stored);
            StartSnapshot snapshot = snapshotOf(state);
            Observation seen = observer.observe(state, snapshot, view).withRouting(actions.routing(state, view));
            if (state.phase().awaitingDecision() || state.phase() instanceof ReleasePhase.Promoting) {
                seen = seen.withPromotionConflict(actions.promotionConflict(state, snapshot, view));
            }
            Step step = decide(seen, analyser.analyseIfDue(state, seen.now()));
            if (fruitless.repeated(seen, step.actions())) {
                return retryQuietly(state, step, snapshot);
            }
            ReleaseState next = step.next();
            if (step.actions().isEmpty() && onlyProgress(state, next)) {
                unsaved.progress(stored, state, next);
                return false;
            }
            if (!step.actions().isEmpty() && UnsavedLines.onlyLines(state, next)) {
                unsaved.lines(stored, state, next);
            } else if (!next.equals(state)) {
                List<RetriedRequests.Retry> retried = takeRetries(next);
                next = RetryLines.told(next, retried);
                if (!saveIfUnchanged(stored, next, view)) {
                    settings.retries().putBack(retried);
                    return true;
                }
                unsaved.clear();
                events.record(next, UnsavedLines.added(stored, next));
            }
            for (ReleaseAction action : step.actions()) {
                settings.hook().beforeAction(action, next);
                actions.perform(action, next, snapshot, view);
            }
            return !next.equals(state) || !step.actions().isEmpty();
        }

        /** The retried requests of this release's objects since its last save. */
        private List<RetriedRequests.Retry> takeRetries(ReleaseState state) {
            String deployment = state.plan().deployment();
            return settings.retries().takeFor(state.plan().namespace(), Stream.of(deployment,
                    ReleaseNames.canary(deployment), ReleaseNames.baseline(deployment),
                    ReleaseNames.stateConfigMap(deployment), ReleaseNames.lease(deployment)).collect(Collectors.toSet()));
        }

        /**
         * The same actions again on an unchanged cluster: performed once more without saving (or sending) the same
         * lines again, then the drive waits for a change; it gives up once that has gone on too long.
         */
        private boolean retryQuietly(ReleaseState state, Step step, StartSnapshot snapshot) {
            if (fruitless.exhausted()) {
                throw new CoalmineException("gave up on release " + state.number() + " of "
                        + state.plan().deployment() + ": " + step.actions().stream().map(a -> a.getClass().getSimpleName())
                        .collect(Collectors.joining(", ")) + " changed nothing in the cluster after "
                        + FruitlessActions.GIVE_UP_AFTER + " tries; check the workload's Deployments (kubectl get "
                        + "deploy -n " + state.plan().namespace() + ") and run the command again");
            }
            for (ReleaseAction action : step.actions()) {
                actions.perform(action, state, snapshot, view);
            }
            return false;
        }

        /**
         * Decides again on the same observation while a step only changes the state (promoted → rolling stable,
         * ready → cleaning up), so such steps are saved together, in one write. Stops where the caller wants to stop.
         */
        private Step decide(Observation seen, ReleaseState state) {
            Step step = ReleaseDecider.decide(seen, state);
            for (int i = 0; i < MAX_CHAINED && step.actions().isEmpty() && !step.next().equals(state)
                    && !step.next().finished() && !until.test(step.next()); i++) {
                Step further = ReleaseDecider.decide(seen, step.next());
                if (further.next().equals(step.next()) && further.actions().isEmpty()) {
                    break;
                }
                state = step.next();
                step = further;
            }
            return step;
        }
    }

    /** {@code next} only adds a "waiting for …" progress line to {@code state}. */
    private static boolean onlyProgress(ReleaseState state, ReleaseState next) {
        if (next.log().isEmpty()) {
            return false;
        }
        StepLogEntry line = next.log().get(next.log().size() - 1);
        return line.stage() == Stage.WAIT_FOR_STEADY_STATE && line.message().startsWith("waiting for")
                && next.equals(state.withLog(line.at(), line.stage(), line.message()));
    }

    StartSnapshot snapshotOf(ReleaseState state) {
        return client.getKubernetesSerialization().unmarshal(state.clusterSnapshot(), StartSnapshot.class);
    }

    /** Saves {@code next} only if the stored release is still {@code before}: a decision written meanwhile wins. */
    private boolean saveIfUnchanged(ReleaseState before, ReleaseState next, DriveView view) {
        String ns = before.plan().namespace();
        String name = before.plan().deployment();
        ReleaseStore.Saved saved = store.updateFrom(ns, name, view.stateMap(),
                h -> h.current().filter(before::equals).isPresent() ? h.updateCurrent(r -> next) : h);
        view.wrote(saved.map());
        return saved.history().current().filter(next::equals).isPresent();
    }

    private ReleaseState current(String namespace, String deployment, DriveView view) {
        return store.decode(namespace, deployment, view.stateMap()).current().orElseThrow(() -> new CoalmineException(
                "Deployment " + deployment + " in namespace " + namespace + " has no release yet; start one with "
                        + "coalmine canary start " + deployment));
    }

    private static void await(DriveView view, long changes, Duration max) {
        try {
            view.awaitChange(changes, max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoalmineException("interrupted while driving the release; run the command again to continue");
        }
    }
}
