package dev.coalmine.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.traffic.PauseStep;
import dev.coalmine.ui.metrics.ComparisonChart;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.core.traffic.TrafficState;
import java.time.Duration;
import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.CanaryJudge;
import dev.coalmine.core.judge.CanaryReading;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.StatisticalPolicy;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AnalysisState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The rollout view-model only presents what the release session publishes and passes decisions on: everything
 * runs synchronously here (background and UI thread are the caller), with no cluster.
 */
@FastTest
class RolloutViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final ReleasePlan PLAN = ReleasePlan.ofImages("shop", "web",
            List.of(ImageChange.parse("web=web:2")), CanarySize.count(1), true);

    private final FakeRelease release = new FakeRelease();
    private final RolloutViewModel model = new RolloutViewModel("shop", "web", release, Runnable::run, Runnable::run);

    @Test
    void showsEachPublishedSnapshot() {
        model.open();
        assertThat(model.headlineProperty().get()).isEqualTo("web has no release");

        release.publish(awaiting(null));

        assertThat(model.headlineProperty().get()).isEqualTo("Release 3 of web: Verify \u00b7 waiting for your decision "
                + "since " + LOCAL.format(T0));
        assertThat(model.canDecide().get()).isTrue();
        assertThat(model.stepLog()).singleElement().asString().endsWith("[Prepare] planned");
        assertThat(model.verdictProperty().get()).isEqualTo("Manual judgment: Promote or Reject");
        assertThat(release.driving).as("opening a view lets the engine drive from this console").isTrue();
    }

    @Test
    void theHeadlineUsesThePhaseStripsWordsAndLocalTimeInSeconds() {
        model.open();
        Instant decided = T0.plusNanos(123_456_789);
        release.publish(awaiting(new Decision(DecisionVerdict.PROMOTE, "alice", decided)));

        assertThat(model.headlineProperty().get())
                .doesNotContain("AwaitingJudgment").doesNotContain("2026-01-01T").doesNotContain("123456789")
                .endsWith("\u00b7 promote by alice at " + LOCAL.format(decided))
                .matches(".* at \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void manualJudgmentIsAskedForOnlyWhileNobodyDecided() {
        model.open();
        release.publish(awaiting(null));
        assertThat(model.verdictProperty().get()).isEqualTo("Manual judgment: Promote or Reject");

        release.publish(awaiting(new Decision(DecisionVerdict.PROMOTE, "alice", T0)));
        assertThat(model.verdictProperty().get()).as("after Promote").isEmpty();
        release.publish(awaiting(new Decision(DecisionVerdict.REJECT, "alice", T0)));
        assertThat(model.verdictProperty().get()).as("after Reject").isEmpty();
        release.publish(in(new ReleasePhase.Succeeded(), Decision.promote("alice", T0)));
        assertThat(model.verdictProperty().get()).as("after Succeeded").isEmpty();
        assertThat(model.headlineProperty().get()).startsWith("Release 3 of web: Succeeded since ");
        release.publish(in(new ReleasePhase.Rejected(), Decision.reject("alice", T0)));
        assertThat(model.verdictProperty().get()).as("after Rejected").isEmpty();
    }

    @Test
    void theLatestVerdictIsAHeadlineNamingTheDecidingRuleAndATableOfFindings() {
        model.open();

        release.publish(analysedAt(98.96));

        assertThat(model.verdictProperty().get()).isEqualTo("Latest verdict: check 1 failed on success rate \u2265 99 % "
                + "(last interval): canary 98.96 %, limit \u2265 99.00 % \u00b7 " + LOCAL.format(T0.plusSeconds(30)));
        assertThat(model.findings()).extracting(Finding::rule, Finding::canary, Finding::limit, Finding::outcome)
                .containsExactly(
                        tuple("success rate \u2265 99 %", "98.96 %", "\u2265 99.00 %", Verdict.Outcome.FAIL),
                        tuple("latency \u2264 500 ms", "80 ms", "\u2264 500 ms", Verdict.Outcome.PASS),
                        tuple("restarts \u2264 0", "0", "\u2264 0", Verdict.Outcome.PASS));
        assertThat(model.chartMarks()).extracting(m -> m.label()).contains("start");
    }

    @Test
    void aReadThatChangesNothingShownLeavesEveryListAlone() {
        model.open();
        release.publish(analysedAt(99.5));
        List<String> changed = new ArrayList<>();
        model.stages().addListener((javafx.collections.ListChangeListener<Object>) c -> changed.add("stages"));
        model.findings().addListener((javafx.collections.ListChangeListener<Object>) c -> changed.add("findings"));
        model.chartMarks().addListener((javafx.collections.ListChangeListener<Object>) c -> changed.add("marks"));
        model.stepLog().addListener((javafx.collections.ListChangeListener<Object>) c -> changed.add("step log"));
        model.ladder().addListener((javafx.collections.ListChangeListener<Object>) c -> changed.add("ladder"));

        // The same release read again, as after a Lease renewal or a pod's status change: new objects, equal content.
        release.publish(analysedAt(99.5));

        assertThat(changed).as("each change restyles a table, makes the chips again or lays the charts out").isEmpty();
        assertThat(model.findings()).hasSize(3);
    }

    @Test
    void promoteSaysWhetherStableRollsOrIsReplacedAtOnce() {
        model.open();
        release.publish(awaiting(null));
        assertThat(model.promoteConfirmation()).isEqualTo("Rolling update of web (1 replicas) to web=web:2, then delete "
                + "web-canary and web-baseline.");

        ReleaseStatus rolling = awaiting(null);
        TrackStatus recreated = new TrackStatus(true, 3, 3, List.of("web:1"), List.of(), true);
        release.publish(new ReleaseStatus("shop", "web", rolling.current().orElseThrow(), recreated, rolling.canary(),
                rolling.baseline(), null));
        assertThat(model.promoteConfirmation()).isEqualTo("Recreate web: all 3 replicas replaced at once by web=web:2 (its "
                + "Recreate strategy: no pod serves until the new ones are ready), then delete web-canary and web-baseline.");
    }

    @Test
    void promoteRepeatsWhatTheStablesDeployToolMeansForIt() {
        model.open();
        String note = "stable is synced by Argo CD application shop: promotion changes the live Deployment only; commit "
                + "the new image to its Git source, or Argo CD's next sync (at once with self-heal) puts the old one back";
        ReleaseState started = ReleaseState.start(3, PLAN, 1, "{}", List.of("planned", note), T0);
        ReleaseState state = new ReleaseState(3, PLAN, 1, new ReleasePhase.AwaitingJudgment(), T0, null, started.log(), T0,
                null, "{}");
        TrackStatus track = new TrackStatus(true, 1, 1, List.of("web:2"));
        release.publish(new ReleaseStatus("shop", "web", state, track, track, track, null));

        assertThat(model.promoteConfirmation()).isEqualTo("Rolling update of web (1 replicas) to web=web:2, then delete "
                + "web-canary and web-baseline.\n\nStable is synced by Argo CD application shop: promotion changes the "
                + "live Deployment only; commit the new image to its Git source, or Argo CD's next sync (at once with "
                + "self-heal) puts the old one back.");
    }

    @Test
    void aDriveProblemIsShownUntilTheSessionSaysItIsGoingAgain() {
        model.open();
        release.problems.accept(Optional.of("the API server did not answer in time \u00b7 Coalmine tries again in 2 s "
                + "(nothing is lost)."));
        assertThat(model.messageProperty().get()).startsWith("the API server did not answer in time");

        release.problems.accept(Optional.empty());

        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void promoteRecordsTheDecisionOnceAndDecidedReleasesCannotBeDecidedAgain() {
        model.open();
        release.publish(awaiting(null));

        model.promote();

        assertThat(release.promotes).isEqualTo(1);
        assertThat(model.messageProperty().get()).isEqualTo("Promote recorded; the engine rolls stable forward.");
        release.publish(awaiting(new Decision(DecisionVerdict.PROMOTE, "ci (cli)", T0)));
        assertThat(model.canDecide().get()).isFalse();
        model.promote();
        assertThat(release.promotes).isEqualTo(1);
    }

    @Test
    void aRefusedDecisionSaysWhy() {
        model.open();
        release.publish(awaiting(null));
        release.refusal = new CoalmineException("already decided: reject by ci (cli)");

        model.reject();

        assertThat(model.messageProperty().get()).isEqualTo("already decided: reject by ci (cli)");
    }

    @Test
    void aWatchThatCannotStartIsShownAndNothingDrives() {
        release.watchFailure = new CoalmineException("Cannot watch Deployments in namespace shop: forbidden");

        model.open();

        assertThat(model.messageProperty().get()).isEqualTo("Cannot follow the release: Cannot watch Deployments in "
                + "namespace shop: forbidden");
        assertThat(release.driving).isFalse();
    }

    @Test
    void closingStopsFollowing() {
        model.open();
        model.close();

        assertThat(release.watchClosed).isTrue();
        release.publish(awaiting(null));
        assertThat(model.headlineProperty().get()).as("nothing is shown after close").isEqualTo("web has no release");
    }

    @Test
    void aWeightedReleaseShowsItsLadderWithTheCurrentStep() {
        model.open();
        release.publish(awaiting(null));
        assertThat(model.ladder()).as("the replica ratio has no ladder").isEmpty();
        assertThat(model.weightProperty().get()).isEmpty();

        ReleasePlan weighted = new ReleasePlan("shop", "web", List.of(ImageChange.parse("web=web:2")), null,
                CanarySize.count(1), true, null, null, new TrafficPlan(TrafficProvider.GATEWAY_API, null,
                List.of(5, 10, 25), Duration.ofMinutes(1), List.of(new PauseStep(10, null)), true, null));
        ReleaseState atSecondStep = new ReleaseState(3, weighted, 1, new ReleasePhase.AwaitingJudgment(), T0, null,
                List.of(), T0, null, "{}").withTraffic(new TrafficState(1, 10, T0, null, false, false, List.of()));
        TrackStatus track = new TrackStatus(true, 1, 1, List.of("web:2"));
        release.publish(new ReleaseStatus("shop", "web", atSecondStep, track, track, track, null));

        assertThat(model.ladder()).containsExactly(new PhaseStrip.Stage("5 %", PhaseStrip.Mark.DONE),
                new PhaseStrip.Stage("10 % \u00b7 pause", PhaseStrip.Mark.CURRENT),
                new PhaseStrip.Stage("25 %", PhaseStrip.Mark.TODO),
                new PhaseStrip.Stage("promote (gate)", PhaseStrip.Mark.TODO));
        assertThat(model.weightProperty().get()).isEqualTo("gateway-api: canary weight 10 % \u00b7 step 2 of 3");
        assertThat(model.weightChangesProperty().get()).as("no weight was logged in this state").isEmpty();
        ReleaseState logged = atSecondStep.withLog(T0.plusSeconds(60), Stage.APPLY,
                "step 1 of 3: canary 5 %, baseline 5 %, stable 90 % (gateway-api)")
                .withLog(T0.plusSeconds(120), Stage.ANALYSIS, "step 2 of 3: canary 10 %, baseline 10 %, stable 80 % "
                        + "(gateway-api)")
                .withLog(T0.plusSeconds(180), Stage.WRAP_UP, "rejected: routing 100 % of requests to stable");
        release.publish(new ReleaseStatus("shop", "web", logged, track, track, track, null));
        assertThat(model.weightChangesProperty().get()).containsExactly(
                new ComparisonChart.Marker(T0.getEpochSecond() + 60, "5 %"),
                new ComparisonChart.Marker(T0.getEpochSecond() + 120, "10 %"),
                new ComparisonChart.Marker(T0.getEpochSecond() + 180, "0 % (all to stable)"));

        release.publish(new ReleaseStatus("shop", "web", new ReleaseState(3, weighted, 1,
                new ReleasePhase.Rejected(), T0, null, List.of(), T0, T0, "{}")
                .withTraffic(new TrafficState(1, 0, T0, null, false, false, List.of())), track, track, track, null));
        assertThat(model.ladder()).extracting(PhaseStrip.Stage::mark).containsExactly(PhaseStrip.Mark.DONE,
                PhaseStrip.Mark.FAILED, PhaseStrip.Mark.TODO, PhaseStrip.Mark.SKIPPED);
        assertThat(model.weightProperty().get()).endsWith("all requests on stable");
    }

    @Test
    void aStepPausedForAPersonOffersResumeWhichSaysTheNextWeightAndIsRecordedOnce() {
        model.open();
        ReleasePlan weighted = new ReleasePlan("shop", "web", List.of(ImageChange.parse("web=web:2")), null,
                CanarySize.count(1), true, null, null, new TrafficPlan(TrafficProvider.ISTIO, "web",
                List.of(5, 10, 25), Duration.ofMinutes(1), List.of(new PauseStep(10, null)), false, null));
        TrackStatus track = new TrackStatus(true, 1, 1, List.of("web:2"));
        ReleaseState running = new ReleaseState(3, weighted, 1, new ReleasePhase.AwaitingJudgment(), T0, null,
                List.of(), T0, null, "{}").withTraffic(new TrafficState(1, 10, T0, null, false, false, List.of()));
        release.publish(new ReleaseStatus("shop", "web", running, track, track, track, null));
        assertThat(model.canResume().get()).as("not paused yet").isFalse();

        ReleaseState paused = running.withTraffic(new TrafficState(1, 10, T0, T0.plusSeconds(60), false, false,
                List.of()));
        List<String> weightWhenResumeAppeared = new ArrayList<>();
        model.canResume().addListener((obs, was, can) -> weightWhenResumeAppeared.add(model.weightProperty().get()));
        release.publish(new ReleaseStatus("shop", "web", paused, track, track, track, null));
        assertThat(model.canResume().get()).isTrue();
        assertThat(weightWhenResumeAppeared).as("the words beside Resume already say why it is there")
                .containsExactly("istio: canary weight 10 % \u00b7 step 2 of 3 \u00b7 paused");
        assertThat(model.resumeConfirmation()).isEqualTo("The canary gets 10 % of the requests to web; Resume routes "
                + "25 % to it (step 3 of 3, istio).");
        model.resume();
        assertThat(release.resumes).isEqualTo(1);
        assertThat(model.messageProperty().get()).startsWith("Resume recorded");

        release.publish(new ReleaseStatus("shop", "web", paused.withTraffic(paused.traffic().resumedByPerson()),
                track, track, track, null));
        assertThat(model.canResume().get()).as("resumed: nothing more to resume").isFalse();
        model.resume();
        assertThat(release.resumes).isEqualTo(1);
    }

    private static ReleaseStatus awaiting(Decision decision) {
        ReleaseState started = ReleaseState.start(3, PLAN, 1, "{}", List.of("planned"), T0);
        ReleaseState state = new ReleaseState(3, PLAN, 1, new ReleasePhase.AwaitingJudgment(), T0, decision,
                started.log(), T0, null, "{}");
        TrackStatus track = new TrackStatus(true, 1, 1, List.of("web:2"));
        return new ReleaseStatus("shop", "web", state, track, track, track, null);
    }

    private static ReleaseStatus in(ReleasePhase phase, Decision decision) {
        ReleaseState started = ReleaseState.start(3, PLAN, 1, "{}", List.of("planned"), T0);
        ReleaseState state = new ReleaseState(3, PLAN, 1, phase, T0.plusSeconds(60), decision, started.log(), T0,
                phase.terminal() ? T0.plusSeconds(60) : null, "{}");
        TrackStatus track = new TrackStatus(true, 1, 1, List.of("web:2"));
        return new ReleaseStatus("shop", "web", state, track, TrackStatus.absent(), TrackStatus.absent(), null);
    }

    /** Release 3 analysing, its first check judged at T0 + 30 s on a canary success rate of {@code canaryPercent}. */
    private static ReleaseStatus analysedAt(double canaryPercent) {
        Verdict verdict = new CanaryJudge(ThresholdPolicy.defaults(), StatisticalPolicy.defaults()).judge(new Evidence(
                new CanaryReading(OptionalDouble.of(canaryPercent), OptionalDouble.of(80), 0), List.of(), List.of()),
                Track.BASELINE);
        AnalysisState analysis = AnalysisState.start(T0).next(verdict, null, T0.plusSeconds(30), AnalysisPolicy.defaults());
        ReleaseState started = ReleaseState.start(3, PLAN, 1, "{}", List.of("planned"), T0);
        ReleaseState analysing = new ReleaseState(3, PLAN, 1, new ReleasePhase.Analysing(), T0, null, started.log(), T0,
                null, "{}", analysis, null);
        TrackStatus track = new TrackStatus(true, 1, 1, List.of("web:2"));
        return new ReleaseStatus("shop", "web", analysing, track, track, track, null);
    }

    /** A release session stand-in that publishes what a test tells it to. */
    private static final class FakeRelease implements ReleaseFollower {
        final List<Consumer<ReleaseStatus>> watchers = new ArrayList<>();
        Consumer<Optional<String>> problems;
        boolean driving;
        boolean watchClosed;
        int promotes;
        int resumes;
        RuntimeException refusal;
        RuntimeException watchFailure;

        void publish(ReleaseStatus status) {
            watchers.forEach(w -> w.accept(status));
        }

        @Override
        public AutoCloseable watch(Consumer<ReleaseStatus> changed) {
            if (watchFailure != null) {
                throw watchFailure;
            }
            watchers.add(changed);
            changed.accept(new ReleaseStatus("shop", "web", null, TrackStatus.absent(), TrackStatus.absent(),
                    TrackStatus.absent(), null));
            return () -> watchClosed = true;
        }

        @Override
        public void driveInBackground(Consumer<Optional<String>> problems) {
            this.problems = problems;
            driving = true;
        }

        @Override
        public ReleaseState promote() {
            if (refusal != null) {
                throw refusal;
            }
            promotes++;
            return null;
        }

        @Override
        public ReleaseState resume() {
            resumes++;
            return null;
        }

        @Override
        public ReleaseState reject() {
            if (refusal != null) {
                throw refusal;
            }
            return null;
        }
    }
}
