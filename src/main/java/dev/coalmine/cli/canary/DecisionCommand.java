package dev.coalmine.cli.canary;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.kube.release.DeployToolNote;
import dev.coalmine.kube.release.ReleaseSession;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Records promote or reject, then carries the release to its end here; run again after a kill, it finishes. */
abstract class DecisionCommand extends DeploymentCommand {
    @Option(names = "--no-wait", description = "Only record the decision; another process carries it out.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m",
            converter = PlanOptions.DurationConverter.class,
            description = "How long to wait for the release to finish (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    abstract DecisionVerdict verdict();

    @Override
    public Integer call() {
        try (CanarySession session = canary.open()) {
            ReleaseSession release = session.release(deployment);
            ReleaseState recorded = verdict() == DecisionVerdict.PROMOTE ? release.promote(session.who())
                    : release.reject(session.who());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FollowUp next = canary.followUp(deployment);
            ProgressPrinter progress = new ProgressPrinter(err);
            progress.accept(recorded);
            if (verdict() == DecisionVerdict.PROMOTE) {
                DeployToolNote.said(recorded).ifPresent(note -> err.println("note: " + note));
            }
            if (noWait) {
                out.println("release " + recorded.number() + " of " + deployment + ": " + recorded.decision().describe()
                        + "; the process driving the release carries it out, or: " + next.command("resume"));
                out.flush();
                return 0;
            }
            ReleaseState done;
            try (ShutdownNotice notice = ShutdownNotice.register(err, next)) {
                done = release.drive(s -> false, timeout, progress);
            }
            return StartCommand.Outcome.report(done, out, err, next);
        }
    }
}
