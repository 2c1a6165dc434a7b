package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseService;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coalmine canary resume}: carries on an unfinished release after the process that drove it was stopped. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue driving the current release (e.g. after start was interrupted; a step paused "
                + "for a person goes on): until it waits for a person, or, with the automatic judge, until it ends (exit codes as for start --judge auto).")
final class ResumeCommand extends DeploymentCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = PlanOptions.DurationConverter.class,
            description = "How long to keep driving (default: as long as start would).")
    Duration timeout;

    @Override
    public Integer call() {
        try (CanarySession session = canary.open()) {
            String ns = session.namespace();
            ReleaseState current = session.service().history(ns, deployment).stream().reduce((a, b) -> b)
                    .orElseThrow(() -> new CoalmineException(deployment + " in namespace " + ns + " has no release; "
                            + "start one with " + canary.followUp(deployment).command("start")));
            if (ReleaseService.pausedForPerson(current)) {
                current = session.service().resumePause(ns, deployment, session.who());
            }
            ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr()).skipping(current);
            boolean automatic = current.plan().judge().isAutomatic();
            Duration limit = timeout != null ? timeout : automatic ? AutomaticOutcome.timeout(current.plan())
                    : AutomaticOutcome.manualTimeout(current.plan());
            FollowUp next = canary.followUp(deployment);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReleaseState state;
            try (ShutdownNotice notice = ShutdownNotice.register(err, next)) {
                state = session.release(deployment).drive(PersonNeeded.under(current.plan()), limit, progress);
            }
            return automatic ? AutomaticOutcome.report(state, out, err, next) : StartCommand.Outcome.report(state, out, err, next);
        }
    }
}
