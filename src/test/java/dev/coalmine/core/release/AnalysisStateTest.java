package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@FastTest
class AnalysisStateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Verdict PASS = Verdict.pass("ok");
    private static final Verdict FAIL = Verdict.fail("canary success rate 90.0 % is below the minimum 99.0 %");
    private static final Verdict UNCLEAR = Verdict.inconclusive("no data");
    private static final Verdict ERROR = Verdict.error("Prometheus is down");
    private final AnalysisPolicy policy = AnalysisPolicy.defaults();

    @Test
    void threeConsecutivePassesPromote() {
        assertThat(decisions(policy, PASS, PASS, PASS)).containsExactly(
                AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING, AnalysisDecision.PROMOTE);
    }

    @Test
    void aFailureRestartsTheRunOfPassesAndTheSecondFailureRejects() {
        assertThat(decisions(policy, PASS, PASS, FAIL, PASS, PASS, FAIL)).containsExactly(
                AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING,
                AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING, AnalysisDecision.REJECT);
    }

    @Test
    void aFailureLimitOfOneRejectsAtOnce() {
        assertThat(decisions(policy.withMaxFailedChecks(1), FAIL)).containsExactly(AnalysisDecision.REJECT);
    }

    @Test
    void repeatedInconclusiveChecksWaitForAHumanAndPassesThenDoNotPromote() {
        assertThat(decisions(policy, UNCLEAR, ERROR, UNCLEAR, PASS, PASS, PASS)).containsExactly(
                AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING, AnalysisDecision.WAIT_FOR_HUMAN,
                AnalysisDecision.WAIT_FOR_HUMAN, AnalysisDecision.WAIT_FOR_HUMAN, AnalysisDecision.WAIT_FOR_HUMAN);
    }

    @Test
    void aFailureWhileWaitingForAHumanStillRejects() {
        AnalysisPolicy strict = policy.withMaxInconclusiveChecks(1);
        assertThat(decisions(strict, UNCLEAR, FAIL, FAIL)).containsExactly(
                AnalysisDecision.WAIT_FOR_HUMAN, AnalysisDecision.WAIT_FOR_HUMAN, AnalysisDecision.REJECT);
    }

    @Test
    void anInconclusiveCheckBreaksTheRunOfPasses() {
        assertThat(decisions(policy, PASS, PASS, UNCLEAR, PASS, PASS, PASS)).last().isEqualTo(AnalysisDecision.PROMOTE);
        assertThat(decisions(policy, PASS, PASS, UNCLEAR, PASS, PASS)).last().isEqualTo(AnalysisDecision.KEEP_GOING);
    }

    @Test
    void aHumanCanLetTheAnalysisGoOn() {
        AnalysisState waiting = run(policy.withMaxInconclusiveChecks(1), List.of(UNCLEAR)).get(0);
        AnalysisState resumed = waiting.resumedByHuman();

        assertThat(resumed.decision()).isEqualTo(AnalysisDecision.KEEP_GOING);
        AnalysisState after = resumed;
        for (int i = 0; i < 3; i++) {
            after = after.next(PASS, null, T0.plusSeconds(60L * (i + 2)), policy);
        }
        assertThat(after.decision()).isEqualTo(AnalysisDecision.PROMOTE);
    }

    @Test
    void promotionWaitsForTheMinimumAnalysisDuration() {
        AnalysisPolicy longer = policy.withMinAnalysisDuration(Duration.ofMinutes(5));
        // One check a minute: three passes after three minutes are not enough, the fifth minute is.
        assertThat(decisions(longer, PASS, PASS, PASS, PASS, PASS)).containsExactly(
                AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING, AnalysisDecision.KEEP_GOING,
                AnalysisDecision.KEEP_GOING, AnalysisDecision.PROMOTE);
    }

    @Test
    void finalDecisionsDoNotChangeAndTheDescriptionSaysWhy() {
        List<AnalysisState> steps = run(policy, List.of(FAIL, FAIL, PASS, PASS, PASS));

        AnalysisState last = steps.get(steps.size() - 1);
        assertThat(last.decision()).isEqualTo(AnalysisDecision.REJECT);
        assertThat(last.checks()).isEqualTo(2);
        assertThat(last.describe(policy)).isEqualTo("reject (check 2: 0 of 3 passes in a row to promote; failed checks: 2 (rejects at 2))"
                + " — fail: canary success rate 90.0 % is below the minimum 99.0 %");
    }

    private List<AnalysisDecision> decisions(AnalysisPolicy p, Verdict... verdicts) {
        return run(p, List.of(verdicts)).stream().map(AnalysisState::decision).toList();
    }

    private static List<AnalysisState> run(AnalysisPolicy p, List<Verdict> verdicts) {
        List<AnalysisState> steps = new ArrayList<>();
        AnalysisState progress = AnalysisState.start(T0);
        for (int i = 0; i < verdicts.size(); i++) {
            progress = progress.next(verdicts.get(i), null, T0.plusSeconds(60L * (i + 1)), p);
            steps.add(progress);
        }
        return steps;
    }
}
