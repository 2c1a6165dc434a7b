package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automatic judge's path through the engine, without a cluster: verdicts in, phases and decisions out. */
@FastTest
class AutomaticJudgmentTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final AnalysisPolicy POLICY = AnalysisPolicy.defaults();

    private final ReleasePlan plan = ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=web:2")),
            CanarySize.count(1), true)
            .withJudge(JudgeSpec.automatic(JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(INTERVAL)));

    private static WorkloadStatus ready(Integer release) {
        return new WorkloadStatus(true, release, 1, 1, 1, 1, 1, 2, 2, List.of("x"), null);
    }

    private static Observation seen(Instant at) {
        return new Observation(at, ready(null), ready(3), ready(3), 0, 0);
    }

    /** A release whose canary just became ready at T0: the decider moves it to Analysing and starts the analysis. */
    private ReleaseState analysing() {
        ReleaseState deploying = ReleaseState.start(3, plan, 1, "{}", List.of("planned"), T0.minusSeconds(30));
        Step step = ReleaseDecider.decide(seen(T0), deploying);
        assertThat(step.next().phase()).isEqualTo(new ReleasePhase.Analysing());
        return step.next();
    }

    private static ReleaseState check(ReleaseState state, int n, Verdict verdict) {
        return AutomaticJudgment.record(state, verdict, 100.0, POLICY, T0.plus(INTERVAL.multipliedBy(n)));
    }

    @Test
    void aPassingCheckReadsAsAPassAndOnlyAFailingOneIsAWarning() {
        ReleaseState passed = check(analysing(), 1, Verdict.pass("canary success rate 99.9 % meets the minimum 99.0 %"));
        StepLogEntry pass = passed.log().get(passed.log().size() - 1);
        assertThat(pass.message()).startsWith("analysis check 1 passed (").doesNotContain("of 2 failed checks")
                .contains("1 of 3 passes in a row to promote; failed checks: none (rejects at 2)");
        assertThat(pass.warning()).isFalse();

        ReleaseState failed = check(passed, 2, Verdict.fail("canary success rate 90.1 % is below the minimum 99.0 %"));
        StepLogEntry fail = failed.log().get(failed.log().size() - 1);
        assertThat(fail.message()).startsWith("analysis check 2 failed");
        assertThat(fail.warning()).isTrue();
    }

    @Test
    void analysisStartsWhenTheCanaryIsReadyAndChecksAreDueEveryInterval() {
        ReleaseState state = analysing();
        assertThat(state.analysis()).isEqualTo(AnalysisState.start(T0));
        assertThat(state.latestVerdict()).isEmpty();
        assertThat(AutomaticJudgment.due(state, INTERVAL, T0.plusSeconds(4))).isFalse();
        assertThat(AutomaticJudgment.due(state, INTERVAL, T0.plusSeconds(5))).isTrue();

        ReleaseState once = check(state, 1, Verdict.pass("canary success rate 99.9 % meets the minimum 99.0 %"));
        assertThat(AutomaticJudgment.due(once, INTERVAL, T0.plusSeconds(9))).isFalse();
        assertThat(AutomaticJudgment.due(once, INTERVAL, T0.plusSeconds(10))).isTrue();
    }

    @Test
    void everyVerdictIsStoredAndLogged() {
        ReleaseState state = check(analysing(), 1, Verdict.fail("canary success rate 90.1 % is below the minimum 99.0 %"));

        RecordedVerdict latest = state.latestVerdict().orElseThrow();
        assertThat(latest).isEqualTo(new RecordedVerdict(T0.plusSeconds(5), 1, Verdict.Outcome.FAIL,
                List.of("canary success rate 90.1 % is below the minimum 99.0 %"), 100.0));
        assertThat(state.analysis().failedChecks()).isEqualTo(1);
        StepLogEntry line = state.log().get(state.log().size() - 1);
        assertThat(line.stage()).isEqualTo(Stage.ANALYSIS);
        assertThat(line.message()).startsWith("analysis check 1 failed").contains("success rate 90.1 %");
        assertThat(state.phase()).isEqualTo(new ReleasePhase.Analysing());
        assertThat(ReleaseDecider.decide(seen(T0.plusSeconds(5)), state).next()).isEqualTo(state);
    }

    @Test
    void reachingTheFailedCheckLimitRejectsAsTheAutomaticJudgeWithTheReasons() {
        ReleaseState state = check(analysing(), 1, Verdict.fail("canary success rate 90.1 % is below the minimum 99.0 %"));
        state = check(state, 2, Verdict.fail("canary success rate 89.7 % is below the minimum 99.0 %"));

        assertThat(state.decision().verdict()).isEqualTo(dev.coalmine.core.release.DecisionVerdict.REJECT);
        assertThat(state.decision().who()).isEqualTo(AutomaticJudgment.WHO);
        assertThat(state.decision().reason()).contains("2 of 2 failed checks").contains("89.7 %");
        Step step = ReleaseDecider.decide(seen(T0.plusSeconds(10)), state);
        assertThat(step.next().phase()).isEqualTo(new ReleasePhase.Rejecting());
        assertThat(step.next().log().get(step.next().log().size() - 1).message())
                .startsWith("rejected by automatic judge (2 of 2 failed checks");
    }

    @Test
    void consecutivePassesAfterTheMinimumDurationPromote() {
        AnalysisPolicy slow = POLICY.withMinAnalysisDuration(Duration.ofSeconds(20));
        ReleaseState state = analysing();
        for (int n = 1; n <= 3; n++) {
            state = AutomaticJudgment.record(state, Verdict.pass("fine"), null, slow, T0.plus(INTERVAL.multipliedBy(n)));
        }
        assertThat(state.decision()).as("3 passes but only 15 s of analysis").isNull();
        assertThat(state.analysis().consecutivePasses()).isEqualTo(3);

        state = AutomaticJudgment.record(state, Verdict.pass("fine"), null, slow, T0.plusSeconds(20));
        assertThat(state.decision().verdict()).isEqualTo(dev.coalmine.core.release.DecisionVerdict.PROMOTE);
        assertThat(state.decision().reason()).isEqualTo("4 passing checks in a row over 20s");
        assertThat(ReleaseDecider.decide(seen(T0.plusSeconds(20)), state).next().phase())
                .isEqualTo(new ReleasePhase.Promoting());
    }

    @Test
    void inconclusiveChecksHandTheReleaseToAPerson() {
        ReleaseState state = analysing();
        for (int n = 1; n <= 3; n++) {
            state = check(state, n, Verdict.inconclusive("no success rate data for the canary (no traffic yet?)"));
        }
        assertThat(state.analysis().decision()).isEqualTo(AnalysisDecision.WAIT_FOR_HUMAN);
        assertThat(state.decision()).isNull();

        ReleaseState waiting = ReleaseDecider.decide(seen(T0.plusSeconds(15)), state).next();
        assertThat(waiting.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(waiting.log().get(waiting.log().size() - 1).message())
                .contains("waiting for a person").contains("no success rate data");
        assertThat(AutomaticJudgment.due(waiting, INTERVAL, T0.plusSeconds(60))).as("analysis is over").isFalse();

        ReleaseState promoted = waiting.withDecision(Decision.promote("ana", T0.plusSeconds(70)));
        assertThat(ReleaseDecider.decide(seen(T0.plusSeconds(70)), promoted).next().phase())
                .isEqualTo(new ReleasePhase.Promoting());
    }

    @Test
    void aPersonsDecisionDuringAnalysisWins() {
        ReleaseState state = check(analysing(), 1, Verdict.fail("bad"));
        ReleaseState decided = state.withDecision(Decision.promote("ana", T0.plusSeconds(6)));

        assertThat(AutomaticJudgment.due(decided, INTERVAL, T0.plusSeconds(10))).isFalse();
        assertThat(check(decided, 2, Verdict.fail("bad again"))).isEqualTo(decided);
        assertThat(ReleaseDecider.decide(seen(T0.plusSeconds(10)), decided).next().phase())
                .isEqualTo(new ReleasePhase.Promoting());
    }

    @Test
    void aManualReleaseIsNeverAnalysed() {
        ReleasePlan manual = plan.withJudge(JudgeSpec.manual());
        ReleaseState deploying = ReleaseState.start(3, manual, 1, "{}", List.of(), T0);
        ReleaseState waiting = ReleaseDecider.decide(seen(T0), deploying).next();
        assertThat(waiting.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(waiting.analysis()).isNull();
        assertThat(AutomaticJudgment.record(waiting, Verdict.fail("x"), null, POLICY, T0.plusSeconds(5))).isEqualTo(waiting);
    }
}
