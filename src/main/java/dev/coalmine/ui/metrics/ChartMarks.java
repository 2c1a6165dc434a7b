package dev.coalmine.ui.metrics;

import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.StepLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What of a release is marked on the charts' time axis: its start, each analysis check, the decision, the phase. */
public final class ChartMarks {
    /** One mark; {@code warning} for a failed check or a reject, drawn in the warning colour. */
    public record Mark(Instant at, String label, boolean warning) {
    }

    private ChartMarks() {
    }

    /** @param phaseWord the current phase as the phase strip names it ("Primary", "Succeeded") */
    public static List<Mark> of(ReleaseState release, String phaseWord) {
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(release.startedAt(), "start", false));
        int check = 0;
        for (StepLogEntry line : release.log()) {
            // The automatic judge writes one Analysis line per check; the others in that stage are not checks.
            if (line.stage() == Stage.ANALYSIS && line.message().startsWith("analysis check")) {
                check++;
                marks.add(new Mark(line.at(), "check " + check, line.warning()));
            }
        }
        release.decisionIfAny().ifPresent(d -> marks.add(new Mark(d.at(), d.verdict().word(),
                d.verdict() == DecisionVerdict.REJECT)));
        if (!release.phaseSince().equals(release.startedAt())) {
            boolean failed = release.phase() instanceof ReleasePhase.Failing || release.phase() instanceof ReleasePhase.Failed;
            marks.add(new Mark(release.phaseSince(), phaseWord, failed));
        }
        return marks;
    }
}
