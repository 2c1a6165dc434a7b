package dev.coalmine.ui.rollout;

import dev.coalmine.core.release.ReleasePhase;
import java.util.List;
import java.util.stream.IntStream;

/** Maps the engine's phases onto the four stages an operator reads: Canary → Verify → Primary → Wrap-up. */
public final class PhaseStrip {
    public enum Mark { DONE, CURRENT, TODO, FAILED, SKIPPED }

    public record Stage(String title, Mark mark) {
    }

    private static final List<String> TITLES = List.of("Canary", "Verify", "Primary", "Wrap-up");

    private PhaseStrip() {
    }

    public static List<Stage> of(ReleasePhase phase) {
        if (phase instanceof ReleasePhase.CanaryDeploying) {
            return marks(1, Mark.CURRENT, false);
        }
        if (phase instanceof ReleasePhase.AwaitingJudgment || phase instanceof ReleasePhase.Analysing) {
            return marks(2, Mark.CURRENT, false);
        }
        if (phase instanceof ReleasePhase.Promoting) {
            return marks(3, Mark.CURRENT, false);
        }
        if (phase instanceof ReleasePhase.Finalising) {
            return marks(4, Mark.CURRENT, false);
        }
        if (phase instanceof ReleasePhase.Succeeded) {
            return marks(4, Mark.DONE, false);
        }
        if (phase instanceof ReleasePhase.Rejecting) {
            return marks(4, Mark.CURRENT, true);
        }
        if (phase instanceof ReleasePhase.Rejected) {
            return marks(4, Mark.DONE, true);
        }
        return marks(4, Mark.FAILED, true);
    }

    /**
     * The phase in the strip's words, for the headline: "Verify · waiting for your decision" rather than
     * "AwaitingJudgment".
     */
    public static String words(ReleasePhase phase) {
        if (phase instanceof ReleasePhase.CanaryDeploying) {
            return "Canary \u00b7 deploying";
        }
        if (phase instanceof ReleasePhase.AwaitingJudgment) {
            return "Verify \u00b7 waiting for your decision";
        }
        if (phase instanceof ReleasePhase.Analysing) {
            return "Verify \u00b7 the automatic judge is analysing";
        }
        if (phase instanceof ReleasePhase.Promoting) {
            return "Primary \u00b7 rolling out the new version";
        }
        if (phase instanceof ReleasePhase.Finalising) {
            return "Wrap-up \u00b7 removing canary and baseline";
        }
        if (phase instanceof ReleasePhase.Rejecting) {
            return "Wrap-up \u00b7 rejecting, removing canary and baseline";
        }
        if (phase instanceof ReleasePhase.Failing) {
            return "Wrap-up \u00b7 failed, cleaning up";
        }
        // Succeeded, Rejected, Failed: the outcome says it all.
        return phase.label();
    }

    /** Stages before {@code current} are done; the stage at {@code current} (1-based) gets {@code mark}. */
    private static List<Stage> marks(int current, Mark mark, boolean primarySkipped) {
        return IntStream.range(0, TITLES.size()).mapToObj(i -> {
            int n = i + 1;
            Mark m = n < current ? Mark.DONE : n == current ? mark : Mark.TODO;
            if (primarySkipped && n == 3) {
                m = Mark.SKIPPED;
            }
            return new Stage(TITLES.get(i), m);
        }).toList();
    }
}
