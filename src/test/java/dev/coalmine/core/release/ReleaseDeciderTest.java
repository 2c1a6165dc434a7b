package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.ReleaseAction.ApplyBaseline;
import dev.coalmine.core.release.ReleaseAction.ApplyCanary;
import dev.coalmine.core.release.ReleaseAction.ApplyVersionedConfig;
import dev.coalmine.core.release.ReleaseAction.DeleteBaseline;
import dev.coalmine.core.release.ReleaseAction.DeleteCanary;
import dev.coalmine.core.release.ReleaseAction.DeleteVersionedConfig;
import dev.coalmine.core.release.ReleaseAction.RollStable;
import dev.coalmine.core.release.ReleaseAction.RollbackStable;
import dev.coalmine.core.release.ReleasePhase.AwaitingJudgment;
import dev.coalmine.core.release.ReleasePhase.CanaryDeploying;
import dev.coalmine.core.release.ReleasePhase.Failed;
import dev.coalmine.core.release.ReleasePhase.Failing;
import dev.coalmine.core.release.ReleasePhase.Finalising;
import dev.coalmine.core.release.ReleasePhase.Promoting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@FastTest
class ReleaseDeciderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final int N = 7;

    private final ReleasePlan plan = ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=web:2")),
            CanarySize.count(2), true);

    private ReleaseState started(ReleasePlan p) {
        return ReleaseState.start(N, p, 2, "{}", List.of("planned"), T0);
    }

    private static WorkloadStatus ready(Integer release, int replicas) {
        return new WorkloadStatus(true, release, replicas, replicas, replicas, replicas, replicas, 2, 2, List.of("x"), null);
    }

    private static WorkloadStatus starting(Integer release, int replicas) {
        return new WorkloadStatus(true, release, replicas, replicas, replicas, 0, 0, 2, 1, List.of("x"), null);
    }

    private static WorkloadStatus broken(Integer release, String problem) {
        return new WorkloadStatus(true, release, 2, 2, 2, 0, 0, 1, 1, List.of("x"), problem);
    }

    private static Observation seen(Duration after, WorkloadStatus stable, WorkloadStatus canary, WorkloadStatus baseline,
                                    int copiesNeeded, int copiesPresent) {
        return new Observation(T0.plus(after), stable, canary, baseline, copiesNeeded, copiesPresent);
    }

    private static Observation seen(WorkloadStatus stable, WorkloadStatus canary, WorkloadStatus baseline) {
        return seen(Duration.ofSeconds(5), stable, canary, baseline, 0, 0);
    }

    private static final WorkloadStatus NONE = WorkloadStatus.absent();

    @Test
    void newReleaseCreatesCanaryAndBaseline() {
        Step step = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), started(plan));
        assertThat(step.actions()).containsExactly(new ApplyCanary(), new ApplyBaseline());
        assertThat(step.next().phase()).isEqualTo(new CanaryDeploying());
        assertThat(step.next().log()).extracting(StepLogEntry::stage)
                .containsExactly(Stage.PREPARE, Stage.APPLY, Stage.APPLY);
    }

    @Test
    void withoutBaselineOnlyTheCanaryIsCreated() {
        ReleasePlan noBaseline = ReleasePlan.ofImages("shop", "web", plan.images(), CanarySize.count(2), false);
        Step step = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), started(noBaseline));
        assertThat(step.actions()).containsExactly(new ApplyCanary());
    }

    @Test
    void versionedConfigComesBeforeTheCanaryThatPointsToIt() {
        Step step = ReleaseDecider.decide(seen(Duration.ofSeconds(1), ready(null, 3), NONE, NONE, 2, 1), started(plan));
        assertThat(step.actions()).containsExactly(new ApplyVersionedConfig(), new ApplyCanary(), new ApplyBaseline());
    }

    @Test
    void finishedActionsAreNotRepeated() {
        ReleaseState state = started(plan);
        Step step = ReleaseDecider.decide(seen(ready(null, 10), starting(N, 2), starting(N, 2)), state);
        assertThat(step.actions()).isEmpty();
        assertThat(step.next().phase()).isEqualTo(new CanaryDeploying());
        assertThat(step.next().log().get(step.next().log().size() - 1).message())
                .isEqualTo("waiting for steady state: canary 0/2 ready, baseline 0/2 ready");
        Step again = ReleaseDecider.decide(seen(ready(null, 10), starting(N, 2), starting(N, 2)), step.next());
        assertThat(again.next()).as("same observation, same state: nothing to save").isEqualTo(step.next());
        assertThat(again.actions()).isEmpty();
    }

    @Test
    void aCanaryOfAnotherReleaseIsReplaced() {
        Step step = ReleaseDecider.decide(seen(ready(null, 10), ready(N - 1, 2), ready(N, 2)), started(plan));
        assertThat(step.actions()).containsExactly(new ApplyCanary());
    }

    @Test
    void aCanaryOfAnotherReleaseStillBeingDeletedIsWaitedForAndSaidOnce() {
        WorkloadStatus held = ready(N - 1, 2).beingDeleted(List.of("backup.example.com/hold"));
        Step step = ReleaseDecider.decide(seen(ready(null, 10), held, NONE), started(plan));

        assertThat(step.actions()).as("nothing is created while the old one holds the name").isEmpty();
        assertThat(step.next().log().get(step.next().log().size() - 1).message())
                .isEqualTo("waiting for web-canary to be deleted (held by the finalizer backup.example.com/hold)");
        Step again = ReleaseDecider.decide(seen(ready(null, 10), held, NONE), step.next());
        assertThat(again.next()).as("said once").isEqualTo(step.next());

        Step gone = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), again.next());
        assertThat(gone.actions()).containsExactly(new ApplyCanary(), new ApplyBaseline());
    }

    @Test
    void readyCanaryWaitsForJudgment() {
        Step step = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), started(plan));
        assertThat(step.next().phase()).isEqualTo(new AwaitingJudgment());
        assertThat(step.next().phaseSince()).isEqualTo(T0.plusSeconds(5));
        assertThat(step.actions()).isEmpty();
    }

    @Test
    void automaticJudgeAnalyses() {
        JudgeSpec judge = JudgeSpec.automatic(JudgeSettings.defaults(new MetricsLocation.KubernetesOnly()));
        ReleasePlan auto = plan.withJudge(judge);
        Step step = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), started(auto));
        assertThat(step.next().phase()).isEqualTo(new ReleasePhase.Analysing());
        assertThat(step.next().plan().judge()).isEqualTo(judge);
    }

    @Test
    void baselineNotReadyKeepsWaiting() {
        ReleaseState state = started(plan);
        Step step = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), starting(N, 2)), state);
        assertThat(step.next().phase()).isEqualTo(new CanaryDeploying());
        assertThat(step.actions()).isEmpty();
    }

    @Test
    void badImageFailsAndCleansUp() {
        Step failing = ReleaseDecider.decide(seen(ready(null, 10), broken(N, "ImagePullBackOff: does-not-exist"),
                ready(N, 2)), started(plan));
        assertThat(failing.next().phase()).isEqualTo(new Failing("canary: ImagePullBackOff: does-not-exist", false));
        assertThat(failing.actions()).isEmpty();

        Step cleaning = ReleaseDecider.decide(seen(ready(null, 10), broken(N, "ImagePullBackOff"), ready(N, 2)),
                failing.next());
        assertThat(cleaning.actions()).containsExactly(new DeleteCanary(), new DeleteBaseline());

        Step done = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), cleaning.next());
        assertThat(done.next().phase()).isEqualTo(new Failed("canary: ImagePullBackOff: does-not-exist"));
        assertThat(done.next().finished()).isTrue();
        assertThat(done.next().finishedAt()).isNotNull();
    }

    @Test
    void canaryTimeoutFails() {
        ReleaseState state = started(plan.withSteadyStateTimeout(Duration.ofMinutes(2)));
        Observation late = seen(Duration.ofMinutes(3), ready(null, 10), starting(N, 2), ready(N, 2), 0, 0);
        Step step = ReleaseDecider.decide(late, state);
        assertThat(step.next().phase()).isInstanceOf(Failing.class);
        assertThat(((Failing) step.next().phase()).reason())
                .contains("within 2m", "canary 0/2 ready").doesNotContain("PT");
    }

    @Test
    void promoteRollsStableThenFinalisesAndSucceeds() {
        ReleaseState waiting = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), started(plan)).next();
        ReleaseState decided = waiting.withDecision(Decision.promote("ana", T0.plusSeconds(30)));

        Step promoting = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), decided);
        assertThat(promoting.next().phase()).isEqualTo(new Promoting());
        assertThat(promoting.actions()).isEmpty();

        Step roll = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), promoting.next());
        assertThat(roll.actions()).containsExactly(new RollStable());

        Step rolling = ReleaseDecider.decide(seen(starting(N, 10), ready(N, 2), ready(N, 2)), roll.next());
        assertThat(rolling.actions()).isEmpty();
        assertThat(rolling.next().phase()).isEqualTo(new Promoting());
        assertThat(rolling.next().lastLog(1).get(0).message()).contains("stable 0/10 ready");

        Step steady = ReleaseDecider.decide(seen(ready(N, 10), ready(N, 2), ready(N, 2)), rolling.next());
        assertThat(steady.next().phase()).isEqualTo(new Finalising());

        Step wrap = ReleaseDecider.decide(seen(Duration.ofSeconds(9), ready(N, 10), ready(N, 2), ready(N, 2), 0, 1),
                steady.next());
        assertThat(wrap.actions()).containsExactly(new DeleteCanary(), new DeleteBaseline(), new DeleteVersionedConfig());

        Step done = ReleaseDecider.decide(seen(ready(N, 10), NONE, NONE), wrap.next());
        assertThat(done.next().phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(done.next().log()).extracting(StepLogEntry::stage).contains(Stage.PREPARE, Stage.APPLY,
                Stage.WAIT_FOR_STEADY_STATE, Stage.WRAP_UP);

        Step after = ReleaseDecider.decide(seen(ready(N, 10), NONE, NONE), done.next());
        assertThat(after.next()).isEqualTo(done.next());
        assertThat(after.actions()).isEmpty();
    }

    @Test
    void theStepLogSaysWhetherStableRollsOrIsRecreated() {
        ReleaseState promoting = started(plan).transitionTo(new AwaitingJudgment(), T0)
                .withDecision(Decision.promote("ana", T0)).transitionTo(new Promoting(), T0);

        ReleaseState waiting = started(plan).transitionTo(new AwaitingJudgment(), T0).withDecision(Decision.promote("ana", T0));
        assertThat(ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), waiting).next().lastLog(1)
                .get(0).message()).endsWith("; rolling web to the new version");
        assertThat(ReleaseDecider.decide(seen(ready(null, 10).recreating(), ready(N, 2), ready(N, 2)), waiting).next()
                .lastLog(1).get(0).message()).endsWith("; recreating web to the new version");

        Step rolled = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), promoting);
        Step recreated = ReleaseDecider.decide(seen(ready(null, 10).recreating(), ready(N, 2), ready(N, 2)), promoting);

        assertThat(rolled.actions()).containsExactly(new RollStable());
        assertThat(rolled.next().lastLog(1).get(0).message()).startsWith("rolling update of web: ");
        assertThat(recreated.actions()).containsExactly(new RollStable());
        assertThat(recreated.next().lastLog(1).get(0).message())
                .startsWith("recreating web (its Recreate strategy replaces all pods at once): ");
    }

    @Test
    void aPausedStableHoldsThePromotionWithoutWritingUntilItIsResumed() {
        ReleaseState promoting = started(plan).transitionTo(new AwaitingJudgment(), T0)
                .withDecision(Decision.promote("ana", T0)).transitionTo(new Promoting(), T0);

        Step held = ReleaseDecider.decide(seen(Duration.ofHours(1), ready(null, 10).pausedRollouts(), ready(N, 2),
                ready(N, 2), 0, 0), promoting);
        assertThat(held.actions()).as("nothing written into a paused Deployment").isEmpty();
        assertThat(held.next().phase()).as("not failed by the steady-state timeout meanwhile").isEqualTo(new Promoting());
        assertThat(held.next().lastLog(1).get(0).message()).isEqualTo("stable is paused (kubectl rollout pause): the "
                + "promotion of web waits for kubectl rollout resume deployment/web; nothing is written meanwhile");
        Step rolledWhilePaused = ReleaseDecider.decide(seen(starting(N, 10).pausedRollouts(), ready(N, 2), ready(N, 2)),
                promoting);
        assertThat(rolledWhilePaused.next().lastLog(1).get(0).message()).isEqualTo("stable is paused (kubectl rollout "
                + "pause): the rolling update of web waits for kubectl rollout resume deployment/web");

        assertThat(ReleaseDecider.decide(seen(Duration.ofHours(1).plusSeconds(5), ready(null, 10), ready(N, 2), ready(N, 2),
                0, 0), held.next()).actions()).as("resumed an hour on: the steady-state timeout counts from the resume")
                .containsExactly(new RollStable());
    }

    @Test
    void aPromotionThatConflictsWithAnEditToStableFailsWithoutTouchingIt() {
        String conflict = "promotion refused: stable's container web image was changed to web:1-hotfix during the release";
        ReleaseState promoting = started(plan).transitionTo(new AwaitingJudgment(), T0)
                .withDecision(Decision.promote("ana", T0)).transitionTo(new Promoting(), T0);

        Step refused = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2))
                .withPromotionConflict(conflict), promoting);

        assertThat(refused.actions()).isEmpty();
        assertThat(refused.next().phase()).isEqualTo(new Failing(conflict, false));
        Step cleanup = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), refused.next());
        assertThat(cleanup.actions()).containsExactly(new DeleteCanary(), new DeleteBaseline());
        Step failed = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), cleanup.next());
        assertThat(failed.next().phase()).isEqualTo(new Failed(conflict));
    }

    @Test
    void rejectCleansUpWithoutTouchingStable() {
        ReleaseState waiting = started(plan).transitionTo(new AwaitingJudgment(), T0)
                .withDecision(Decision.reject("bo", T0));
        Step rejecting = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), waiting);
        assertThat(rejecting.next().phase()).isEqualTo(new ReleasePhase.Rejecting());
        Step cleaning = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), NONE), rejecting.next());
        assertThat(cleaning.actions()).containsExactly(new DeleteCanary());
        Step done = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), cleaning.next());
        assertThat(done.next().phase()).isEqualTo(new ReleasePhase.Rejected());
    }

    @Test
    void aCanaryNameTakenBySomebodyElseFailsTheDeployAndIsNeverDeleted() {
        WorkloadStatus foreign = WorkloadStatus.notOurs("Deployment web-canary is not Coalmine's");
        Step failing = ReleaseDecider.decide(seen(ready(null, 10), foreign, NONE), started(plan));
        assertThat(failing.next().phase()).isEqualTo(new ReleasePhase.Failing("Deployment web-canary is not Coalmine's",
                false));
        assertThat(failing.actions()).isEmpty();
        Step done = ReleaseDecider.decide(seen(ready(null, 10), foreign, NONE), failing.next());
        assertThat(done.actions()).isEmpty();
        assertThat(done.next().phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(done.next().log().get(done.next().log().size() - 1).message())
                .endsWith("; left alone: Deployment web-canary is not Coalmine's");
    }

    @Test
    void rejectWhileDeployingAborts() {
        ReleaseState state = started(plan).withDecision(Decision.reject("bo", T0));
        Step step = ReleaseDecider.decide(seen(ready(null, 10), starting(N, 2), NONE), state);
        assertThat(step.next().phase()).isEqualTo(new ReleasePhase.Rejecting());
    }

    @Test
    void waitingWithoutDecisionDoesNothing() {
        ReleaseState waiting = started(plan).transitionTo(new AwaitingJudgment(), T0);
        Step step = ReleaseDecider.decide(seen(Duration.ofDays(3), ready(null, 10), ready(N, 2), ready(N, 2), 0, 0), waiting);
        assertThat(step.next()).isEqualTo(waiting);
        assertThat(step.actions()).isEmpty();
    }

    @Test
    void primaryRolloutFailureRollsStableBack() {
        ReleaseState promoting = started(plan).transitionTo(new Promoting(), T0);
        Step failing = ReleaseDecider.decide(seen(broken(N, "ProgressDeadlineExceeded"), ready(N, 2), ready(N, 2)),
                promoting);
        assertThat(failing.next().phase()).isEqualTo(new Failing("the primary rollout failed: ProgressDeadlineExceeded", true));

        Step rollback = ReleaseDecider.decide(seen(broken(N, "x"), ready(N, 2), ready(N, 2)), failing.next());
        assertThat(rollback.actions()).containsExactly(new RollbackStable());

        Step waitForStable = ReleaseDecider.decide(seen(starting(null, 10), ready(N, 2), ready(N, 2)), rollback.next());
        assertThat(waitForStable.actions()).isEmpty();

        Step cleanup = ReleaseDecider.decide(seen(ready(null, 10), ready(N, 2), ready(N, 2)), waitForStable.next());
        assertThat(cleanup.actions()).containsExactly(new DeleteCanary(), new DeleteBaseline());

        Step failed = ReleaseDecider.decide(seen(ready(null, 10), NONE, NONE), cleanup.next());
        assertThat(failed.next().phase()).isEqualTo(new Failed("the primary rollout failed: ProgressDeadlineExceeded"));
    }

    @Test
    void primaryRolloutTimeoutRollsBack() {
        ReleaseState promoting = started(plan.withSteadyStateTimeout(Duration.ofMinutes(1)))
                .transitionTo(new Promoting(), T0);
        Step step = ReleaseDecider.decide(seen(Duration.ofMinutes(2), starting(N, 10), ready(N, 2), ready(N, 2), 0, 0),
                promoting);
        assertThat(step.next().phase()).isInstanceOf(Failing.class);
        assertThat(((Failing) step.next().phase()).rollbackStable()).isTrue();
    }

    @Test
    void aSecondDecisionIsRefusedNamingTheFirst() {
        ReleaseState waiting = started(plan).transitionTo(new AwaitingJudgment(), T0)
                .withDecision(Decision.promote("ana", T0));
        assertThatThrownBy(() -> waiting.withDecision(Decision.reject("bo", T0)))
                .isInstanceOf(CoalmineException.class).hasMessageContaining("already decided by ana");
    }

    @Test
    void promoteBeforeTheCanaryIsReadyIsRefused() {
        assertThatThrownBy(() -> started(plan).withDecision(Decision.promote("ana", T0)))
                .isInstanceOf(CoalmineException.class).hasMessageContaining("phase CanaryDeploying");
    }

    @Test
    void historyRefusesASecondUnfinishedRelease() {
        ReleaseHistory history = ReleaseHistory.empty().begin(started(plan));
        assertThat(history.nextNumber()).isEqualTo(N + 1);
        assertThatThrownBy(() -> history.begin(started(plan)))
                .isInstanceOf(CoalmineException.class)
                .hasMessageStartingWith("refused: release 7 is in phase CanaryDeploying");
    }

    @Test
    void oldFinishedReleasesAreCompactedAndHistoryIsCapped() {
        ReleaseHistory history = ReleaseHistory.empty();
        for (int i = 1; i <= 40; i++) {
            ReleaseState r = ReleaseState.start(i, plan, 2, "{\"big\":true}", List.of("a", "b"), T0);
            for (int line = 0; line < 50; line++) {
                r = r.withLog(T0, Stage.APPLY, "line " + line);
            }
            history = history.begin(r.transitionTo(new ReleasePhase.Succeeded(), T0));
        }
        assertThat(history.releases()).hasSize(ReleaseHistory.MAX_KEPT);
        assertThat(history.nextNumber()).isEqualTo(41);
        ReleaseState old = history.releases().get(0);
        assertThat(old.number()).isEqualTo(11);
        assertThat(old.log()).hasSize(ReleaseHistory.COMPACT_LOG_LINES);
        assertThat(old.clusterSnapshot()).as("bodies move out only when the ConfigMap needs room").contains("big");
        ReleaseState recent = history.current().orElseThrow();
        assertThat(recent.log()).hasSize(52);
        assertThat(recent.clusterSnapshot()).contains("big");
        assertThat(history.notKept()).isEqualTo(10);
        assertThat(history.withoutOldest().releases()).hasSize(ReleaseHistory.MAX_KEPT - 1);
        assertThat(history.withoutOldest().notKept()).isEqualTo(11);
    }

    @Test
    void aTrimmedReleaseKeepsItsRecordAndSaysWhereItsBodyWent() {
        ReleasePlan manifest = new ReleasePlan("shop", "web", List.of(), "kind: Deployment\n", CanarySize.count(1),
                false, JudgeSpec.manual(), null);
        ReleaseState done = started(manifest).withDecision(Decision.reject("bo", T0))
                .transitionTo(new ReleasePhase.Rejected(), T0);
        ReleaseHistory history = ReleaseHistory.empty().begin(done)
                .begin(ReleaseState.start(N + 1, plan, 1, "{}", List.of(), T0));
        assertThat(history.trimmable()).containsExactly(done);

        TrimmedBody where = new TrimmedBody("coalmine-release-web-1-plan", List.of("web=web:2"));
        ReleaseState trimmed = history.withTrimmed(done.number(), where).releases().get(0);

        assertThat(trimmed.trimmedIfAny()).contains(where);
        assertThat(trimmed.plan().manifestYaml()).isEqualTo("# plan moved to ConfigMap coalmine-release-web-1-plan");
        assertThat(trimmed.clusterSnapshot()).isEqualTo("{}");
        assertThat(trimmed.decision()).isEqualTo(done.decision());
        assertThat(trimmed.phase()).isEqualTo(done.phase());
        assertThat(history.withTrimmed(done.number(), where).trimmable()).isEmpty();
        assertThatThrownBy(() -> started(plan).trimmedTo(where)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnfinishedReleaseIsNeverCompacted() {
        ReleaseState running = started(plan);
        assertThat(running.compacted(1)).isSameAs(running);
    }

    @Test
    void planNeedsImagesOrManifest() {
        assertThatThrownBy(() -> ReleasePlan.ofImages("shop", "web", List.of(), CanarySize.count(1), true))
                .isInstanceOf(CoalmineException.class).hasMessageContaining("nothing to release");
    }
}
