package dev.coalmine.ui.wizard;

import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.traffic.TrafficProviders;
import java.util.List;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What the wizard needs of the release engine. All calls block: run them off the UI thread. */
public interface ReleaseLauncher {
    /** Renders every object the plan creates or changes, dry-runs them and checks RBAC; changes nothing. */
    ReviewContent preview(ReleasePlan plan);

    /** Records and starts the release; the engine drives it from there. */
    void start(ReleasePlan plan);

    /** Who can run a release on this cluster: Coalmine, and the in-cluster engines whose CRDs are installed. */
    default Set<Engine> engines() {
        return EnumSet.of(Engine.COALMINE);
    }

    /** As {@link #preview(ReleasePlan)}, for a release handed to {@code engine}. */
    default ReviewContent preview(ReleasePlan plan, Engine engine) {
        return preview(plan);
    }

    /** As {@link #start(ReleasePlan)}, handing the release to {@code engine} when it is an in-cluster one. */
    default void start(ReleasePlan plan, Engine engine) {
        start(plan);
    }

    /** Tries the judge's metric source for the workload and says in one line what it found. */
    String testMetrics(JudgeSpec judge, String namespace, String deployment);

    /** Every traffic provider, offered because the cluster serves it or not offered with the reason. */
    List<TrafficProviders.Offer> trafficOffers();

    /** A description of the workload's unfinished release ("release 3 is in phase AwaitingJudgment"), if any. */
    Optional<String> unfinishedRelease(String namespace, String deployment);
}
