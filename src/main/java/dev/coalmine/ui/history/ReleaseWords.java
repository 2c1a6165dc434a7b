package dev.coalmine.ui.history;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.core.time.Durations;
import dev.coalmine.core.time.RelativeTime;
import dev.coalmine.ui.time.TimeColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored release in the words the history and the overview show: outcome, who decided, change, verdicts. */
public final class ReleaseWords {
    private ReleaseWords() {
    }

    /** The phase in an operator's words: "Promoted", "Rejected", "Failed", or where an unfinished one is. */
    public static String outcome(ReleaseState r) {
        ReleasePhase phase = r.phase();
        if (phase instanceof ReleasePhase.Succeeded) {
            return "Promoted";
        }
        if (phase instanceof ReleasePhase.Rejected) {
            return "Rejected";
        }
        if (phase instanceof ReleasePhase.Failed) {
            return "Failed";
        }
        if (phase instanceof ReleasePhase.CanaryDeploying) {
            return "Deploying canary";
        }
        if (phase instanceof ReleasePhase.AwaitingJudgment) {
            return "Awaiting decision";
        }
        if (phase instanceof ReleasePhase.Finalising) {
            return "Wrapping up";
        }
        return phase.label(); // Analysing, Promoting, Rejecting, Failing read as they are
    }

    /** Why a failed release failed, if it did. */
    public static Optional<String> failure(ReleaseState r) {
        return r.phase() instanceof ReleasePhase.Failed f ? Optional.ofNullable(f.reason())
                : r.phase() instanceof ReleasePhase.Failing f ? Optional.ofNullable(f.reason()) : Optional.empty();
    }

    /** "promote by alice@laptop", "reject by automatic judge", or "" when nobody decided. */
    public static String decidedBy(ReleaseState r) {
        return r.decisionIfAny().map(d -> d.verdict().word() + " by " + d.who()).orElse("");
    }

    /** The images the release set, or "manifest" (with the images it set once its body moved out). */
    public static String change(ReleaseState r) {
        if (!r.plan().fromManifest()) {
            return String.join(", ", r.plan().images().stream().map(Object::toString).toList());
        }
        List<String> images = r.trimmedIfAny().map(t -> t.images()).orElse(List.of());
        return images.isEmpty() ? "manifest" : "manifest: " + String.join(", ", images);
    }

    /** "2 pods", "10% of stable · 1 pod": what was asked for, and the pods it made. */
    public static String canary(ReleaseState r) {
        String asked = r.plan().size().describe();
        String pods = r.canaryReplicas() == 1 ? "1 pod" : r.canaryReplicas() + " pods";
        return asked.equals(pods) ? pods : asked + " \u00b7 " + pods;
    }

    /** "2 pods", "10% · 1 pod": the canary in as few words as a list column holds. */
    public static String canaryShort(ReleaseState r) {
        String pods = r.canaryReplicas() == 1 ? "1 pod" : r.canaryReplicas() + " pods";
        return r.plan().size() instanceof CanarySize.Percent p
                ? new java.math.BigDecimal(Double.toString(p.percent())).stripTrailingZeros().toPlainString() + "% \u00b7 " + pods
                : pods;
    }

    /** The latest automatic verdict in a word ("fail"), "manual" when a person judges, or "" before the first. */
    public static String latestVerdict(ReleaseState r) {
        return r.latestVerdict().map(v -> v.outcomeWord()).orElse(r.plan().judge().isAutomatic() ? "" : "manual");
    }

    /** How long it ran: to its end, or until now while unfinished. */
    public static String took(ReleaseState r, Instant now) {
        return RelativeTime.took(duration(r, now));
    }

    /** From its start to its end, or to {@code now} while it runs. */
    public static Duration duration(ReleaseState r, Instant now) {
        return Duration.between(r.startedAt(), r.finishedAt() == null ? now : r.finishedAt());
    }

    /** The automatic judge's verdict per check, as the step log recorded them. */
    public static List<StepLogEntry> verdicts(ReleaseState r) {
        return r.log().stream().filter(l -> l.stage() == Stage.ANALYSIS).toList();
    }

    /** "12:04:31 [Apply] creating shop-frontend-canary with 1 pod": a step-log line with its local time. */
    public static String stepLine(StepLogEntry entry) {
        return TimeColumns.CLOCK.format(entry.at()) + "  [" + entry.stage().title() + "] " + entry.message();
    }

    /** The plan in a few lines (a manifest release shows its manifest text separately). */
    public static String plan(ReleaseState r) {
        StringBuilder b = new StringBuilder();
        if (!r.plan().fromManifest()) {
            b.append("Images:   ").append(change(r)).append('\n');
        }
        b.append("Canary:   ").append(canary(r)).append(r.plan().baseline() ? ", with a baseline" : ", no baseline")
                .append('\n');
        b.append("Judge:    ").append(r.plan().judge().isAutomatic()
                ? "automatic, every " + Durations.format(r.plan().judge().settings().interval()) : "manual (a person)")
                .append('\n');
        b.append("Timeout:  ").append(Durations.format(r.plan().steadyStateTimeout())).append(" to reach steady state\n");
        r.trimmedIfAny().ifPresent(t -> b.append("Body:     ").append(t.describe()).append('\n'));
        return b.toString();
    }
}
