package dev.coalmine.cli.canary;

import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.metrics.PrometheusQueryException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine canary start}: creates the canary and waits until it can be judged. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Create the canary (and baseline) and wait for steady state. Exits 0 in AwaitingJudgment; "
                + "a bad image or a timeout ends in Failed (canary removed) and exits 1. With --judge auto it waits "
                + "for the automatic judge: exit 0 Succeeded, 3 Rejected, 1 Failed, 4 when a person must decide.")
final class StartCommand implements Callable<Integer> {
    @ParentCommand
    CanaryCommand canary;

    @Spec
    CommandSpec spec;

    @Mixin
    PlanOptions options;

    @Mixin
    JudgeOptions judge;

    @Option(names = "--no-wait", description = "Return once the release is recorded; do not wait for steady state.")
    boolean noWait;

    @Option(names = "--skip-dry-run", description = "Skip the server-side dry run of every object.")
    boolean skipDryRun;

    @Mixin
    EngineOption engine;

    @Override
    public Integer call() {
        options.toPlan("default", judge::toSpec, spec.commandLine());
        options.tellIgnored(spec.commandLine().getErr());
        try (CanarySession session = canary.open()) {
            ReleasePlan plan = options.toPlan(session.namespace(), judge::toSpec, spec.commandLine());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ProgressPrinter progress = new ProgressPrinter(err);
            FollowUp next = canary.followUp(plan.deployment());
            judge.scopeNotice().ifPresent(err::println);
            if (engine.inCluster()) {
                return engine.handOff(session, plan, skipDryRun, out);
            }
            ReleaseState started = started(session, plan);
            progress.accept(started);
            if (noWait) {
                out.println("release " + started.number() + " of " + plan.deployment() + " started: "
                        + started.phase().label() + "; carry it on with: " + next.command("resume"));
                out.flush();
                return 0;
            }
            Duration limit = judge.automatic() ? AutomaticOutcome.timeout(plan) : AutomaticOutcome.manualTimeout(plan);
            ReleaseState state;
            try (ShutdownNotice notice = ShutdownNotice.register(err, next)) {
                state = session.release(plan.deployment()).drive(PersonNeeded.under(plan), limit, progress);
            }
            return judge.automatic() ? AutomaticOutcome.report(state, out, err, next) : Outcome.report(state, out, err, next);
        }
    }

    /** Records the release; a query Prometheus cannot parse is a usage error, as any other bad option value. */
    private ReleaseState started(CanarySession session, ReleasePlan plan) {
        try {
            return session.service().start(plan, skipDryRun);
        } catch (PrometheusQueryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " Nothing was recorded.", e);
        }
    }

    /** How a waited-for release ends up on the terminal. */
    static final class Outcome {
        private Outcome() {
        }

        static int report(ReleaseState state, PrintWriter out, PrintWriter err, FollowUp next) {
            String deployment = next.deployment();
            if (state.phase() instanceof ReleasePhase.Failed failed) {
                err.println("error: release " + state.number() + " of " + deployment + " failed: " + failed.reason());
                err.flush();
                return 1;
            }
            String decide = state.phase().awaitingDecision() ? "; " + next.decide() : "";
            out.println("release " + state.number() + " of " + deployment + ": " + state.phase().label() + decide);
            out.flush();
            return 0;
        }
    }
}
