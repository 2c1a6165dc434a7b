package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.Observation;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleaseDecider;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Step;
import dev.coalmine.core.release.StepLogEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Drives a workload's release: observe → decide (core) → save → act, while holding the workload's Lease.
 * The new state is saved before its actions run and every action is chosen from what the cluster shows, so a
 * process killed at any point is simply continued by the next one. Without the Lease it only follows the state.
 */
public final class ReleaseDriver {
    private final KubernetesClient client;
    private final ReleaseStore store;
    private final WorkloadObserver observer;
    private final ReleaseActions actions;
    private final ReleaseEvents events;
    private final ReleaseSettings settings;
    private final ReleaseAnalyser analyser;

    public ReleaseDriver(KubernetesClient client, ReleaseStore store, WorkloadObserver observer, ReleaseActions actions,
                         ReleaseEvents events, ReleaseSettings settings, ReleaseAnalyser analyser) {
        this.client = client;
        this.store = store;
        this.observer = observer;
        this.actions = actions;
        this.events = events;
        this.settings = settings;
        this.analyser = analyser;
    }

    /**
     * Drives (or follows, when another process holds the Lease) the current release until it is finished or
     * {@code until} holds, and returns that state. {@code progress} sees every state change.
     */
    public ReleaseState run(String namespace, String deployment, Predicate<ReleaseState> until, Duration timeout,
                            Consumer<ReleaseState> progress) {
        WorkloadLease lease = new WorkloadLease(client, namespace, deployment, settings.identity(),
                settings.leaseDuration(), settings.clock());
        Instant deadline = settings.clock().instant().plus(timeout);
        ReleaseState seen = null;
        try {
            while (true) {
                ReleaseState state = current(namespace, deployment);
                if (!state.equals(seen)) {
                    progress.accept(state);
                    seen = state;
                }
                if (state.finished() || until.test(state)) {
                    return state;
                }
                boolean busy = lease.tryAcquire() && tick(state);
                if (settings.clock().instant().isAfter(deadline)) {
                    throw new CoalmineException("release " + state.number() + " of " + deployment + " is still in phase "
                            + state.phase().label() + " after " + timeout.toSeconds() + " s; run the command again "
                            + "to continue (nothing is lost)");
                }
                if (!busy) {
                    sleep(settings.pollInterval());
                }
            }
        } finally {
            analyser.closeWorkload(namespace, deployment);
            lease.release();
        }
    }

    /** One observe → decide → save → act round for {@code state}; true when something changed. */
    public boolean tick(ReleaseState state) {
        StartSnapshot snapshot = snapshotOf(state);
        Observation seen = observer.observe(state, snapshot);
        Step step = ReleaseDecider.decide(seen, analyser.analyseIfDue(state, seen.now()));
        ReleaseState next = step.next();
        if (!next.equals(state)) {
            if (!saveIfUnchanged(state, next)) {
                return true;
            }
            newLines(state, next).forEach(line -> events.record(next, line));
        }
        for (ReleaseAction action : step.actions()) {
            settings.hook().beforeAction(action, next);
            actions.perform(action, next, snapshot);
        }
        return !next.equals(state) || !step.actions().isEmpty();
    }

    StartSnapshot snapshotOf(ReleaseState state) {
        return client.getKubernetesSerialization().unmarshal(state.clusterSnapshot(), StartSnapshot.class);
    }

    /** Saves {@code next} only if the stored release is still {@code before}: a decision written meanwhile wins. */
    private boolean saveIfUnchanged(ReleaseState before, ReleaseState next) {
        String ns = before.plan().namespace();
        String name = before.plan().deployment();
        ReleaseHistory saved = store.update(ns, name, h -> h.current().filter(before::equals).isPresent()
                ? h.updateCurrent(r -> next) : h);
        return saved.current().filter(next::equals).isPresent();
    }

    private ReleaseState current(String namespace, String deployment) {
        return store.load(namespace, deployment).current().orElseThrow(() -> new CoalmineException(
                "Deployment " + deployment + " in namespace " + namespace + " has no release yet; start one with "
                        + "coalmine canary start " + deployment));
    }

    private static List<StepLogEntry> newLines(ReleaseState before, ReleaseState after) {
        if (before.log().isEmpty()) {
            return after.log();
        }
        int last = after.log().lastIndexOf(before.log().get(before.log().size() - 1));
        return after.log().subList(last + 1, after.log().size());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoalmineException("interrupted while driving the release; run the command again to continue");
        }
    }
}
