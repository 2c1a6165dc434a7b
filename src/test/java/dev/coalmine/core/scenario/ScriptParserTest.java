package dev.coalmine.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    @Test
    void readsStepsWithTimesKnobsAndNotes() {
        TrainerScript script = ScriptParser.parse("""
                # slow, then crash
                - at: 0s
                  rate: 80
                - at: 30s
                  canary: slow   # latency triples
                  note: "watch p99"
                - at: 1m30s
                  canary: crash
                """);
        assertThat(script.steps()).hasSize(3);
        assertThat(script.steps().get(0).requestsPerSecond()).hasValue(80);
        assertThat(script.steps().get(1).at()).isEqualTo(Duration.ofSeconds(30));
        assertThat(script.steps().get(1).canary()).contains(CanaryBehaviour.SLOW);
        assertThat(script.steps().get(1).describe()).isEqualTo("canary: slow \u2014 watch p99");
        assertThat(script.steps().get(2).canary()).contains(CanaryBehaviour.CRASH_LOOP);
        assertThat(script.steps().get(2).line()).isEqualTo(7);
        assertThat(script.length()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void namesTheLineAndWhatIsWrong() {
        assertProblem("- at: 30s\n  canary: sluggish\n", 2, "unknown canary behaviour \"sluggish\"; use one of healthy, "
                + "faulty, slow, bad-image, crash-loop");
        assertProblem("- at: soon\n  canary: slow\n", 1, "\"soon\" is not a time after the start");
        assertProblem("- at: 30s\n  canry: slow\n", 2, "unknown key \"canry\"; a step has at, canary, rate, note");
        assertProblem("- canary: slow\n", 1, "this step has no \"at\"");
        assertProblem("- at: 90s\n  canary: slow\n- at: 30s\n  canary: crash\n", 3,
                "at 30s comes before the previous step's 1m30s; list the steps in time order");
        assertProblem("- at: 10s\n  rate: lots\n", 2, "\"rate\" must be requests per second from 0 to 1000");
        assertProblem("- at: 10s\n", 1, "this step does nothing");
        assertProblem("at: 10s\n", 1, "expected a step (\"- at: 30s\") or an indented \"key: value\"");
        assertProblem("- at: 10s\n  at: 20s\n", 2, "\"at\" is given twice in this step (first on line 1)");
        assertProblem("# nothing\n", 1, "the script has no steps");
    }

    @Test
    void aReplayHandsOutEachStepOnceInOrderHoweverLateTheTick() {
        TrainerScript script = ScriptParser.parse("- at: 0s\n  rate: 50\n- at: 30s\n  canary: slow\n"
                + "- at: 90s\n  canary: crash\n");
        java.time.Instant start = java.time.Instant.parse("2026-12-06T10:00:00Z");
        ScriptRun run = new ScriptRun(script, start);
        assertThat(run.due(start)).extracting(ScriptStep::line).containsExactly(1);
        assertThat(run.mark(0)).isEqualTo(ScriptRun.Mark.DONE);
        assertThat(run.mark(1)).isEqualTo(ScriptRun.Mark.NEXT);
        assertThat(run.due(start.plusSeconds(29))).isEmpty();
        assertThat(run.due(start.plusSeconds(200))).extracting(ScriptStep::line).containsExactly(3, 5);
        assertThat(run.due(start.plusSeconds(300))).isEmpty();
        assertThat(run.finished()).isTrue();
    }

    private static void assertProblem(String script, int line, String problem) {
        assertThatThrownBy(() -> ScriptParser.parse(script)).isInstanceOfSatisfying(ScriptException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith("line " + line + ": " + problem);
        });
    }
}
