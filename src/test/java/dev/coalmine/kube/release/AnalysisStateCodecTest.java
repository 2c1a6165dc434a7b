package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AnalysisState;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.RecordedVerdict;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.StepLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automatic judge's state survives the trip through the release ConfigMap's JSON, and old JSON still reads. */
class AnalysisStateCodecTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private final ReleaseStateCodec codec = new ReleaseStateCodec();
    private final ReleasePlan plan = ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web:2")),
            CanarySize.count(1), true).withJudge(JudgeSpec.automatic(
            JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(Duration.ofSeconds(5))));

    @Test
    void analysisAndVerdictRoundTrip() {
        RecordedVerdict verdict = new RecordedVerdict(T.plusSeconds(10), 2, Verdict.Outcome.FAIL,
                List.of("canary success rate 90.0 % is below the minimum 99.0 %"), 50.0);
        AnalysisState analysis = new AnalysisState(T, 2, 2, 0, 0, AnalysisDecision.REJECT, verdict);
        ReleaseState state = new ReleaseState(4, plan, 1, new ReleasePhase.Rejecting(), T.plusSeconds(10),
                new Decision(dev.coalmine.core.release.DecisionVerdict.REJECT, "automatic judge", T.plusSeconds(10), "2 of 2 failed checks"),
                List.of(), T, null, "{}", analysis);
        ReleaseHistory history = new ReleaseHistory(List.of(state));

        ReleaseHistory read = codec.read(codec.write(history), "test");

        assertThat(read).isEqualTo(history);
        assertThat(read.current().orElseThrow().latestVerdict()).contains(verdict);
        assertThat(read.current().orElseThrow().analysis().latest().verdict())
                .isEqualTo(new Verdict(Verdict.Outcome.FAIL, verdict.reasons()));
    }

    @Test
    void findingsAndWarningLinesRoundTripAndVerdictsWrittenWithoutThemStillRead() {
        Finding row = new Finding("success rate ≥ 99 %", Finding.Window.LAST_INTERVAL, "98.96 %", "", "≥ 99.00 %",
                Verdict.Outcome.FAIL, "");
        RecordedVerdict verdict = new RecordedVerdict(T, 1, Verdict.Outcome.FAIL, List.of("below"), null, List.of(row));
        AnalysisState analysis = new AnalysisState(T, 1, 1, 0, 0, AnalysisDecision.KEEP_GOING, verdict);
        ReleaseState state = new ReleaseState(4, plan, 1, new ReleasePhase.Analysing(), T, null,
                List.of(new StepLogEntry(T, Stage.ANALYSIS, "analysis check 1 failed", true)), T, null, "{}", analysis);
        ReleaseHistory history = new ReleaseHistory(List.of(state));

        String json = codec.write(history);
        ReleaseHistory read = codec.read(json, "test");

        assertThat(read).isEqualTo(history);
        assertThat(read.current().orElseThrow().log().get(0).warning()).isTrue();
        ReleaseState old = codec.read(json.replace(",\"warning\":true", "").replaceAll(",\"findings\":\\[[^\\]]*]", ""),
                "test").current().orElseThrow();
        assertThat(old.log().get(0).warning()).isFalse();
        assertThat(old.latestVerdict().orElseThrow().findings()).isEmpty();
        assertThat(old.latestVerdict().orElseThrow().why()).isEqualTo("check 1 failed: below");
    }

    @Test
    void stateWrittenBeforeTheJudgeReadsWithoutAnalysis() {
        ReleaseState manual = new ReleaseState(1, plan.withJudge(JudgeSpec.manual()), 1, new ReleasePhase.AwaitingJudgment(),
                T, Decision.promote("ana", T), List.of(), T, null, "{}");
        String json = codec.write(new ReleaseHistory(List.of(manual))).replace(",\"analysis\":null", "")
                .replace(",\"reason\":null", "");
        assertThat(json).doesNotContain("analysis").doesNotContain("reason");

        ReleaseState read = codec.read(json, "test").current().orElseThrow();
        assertThat(read).isEqualTo(manual);
        assertThat(read.latestVerdict()).isEmpty();
    }
}
