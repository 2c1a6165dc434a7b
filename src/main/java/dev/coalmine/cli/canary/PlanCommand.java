package dev.coalmine.cli.canary;

import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.RequestShare;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.kube.release.ReleasePreview;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine canary plan}: what a release would create; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the rendered canary (and baseline) YAML and the replica counts, and with weighted "
                + "--traffic the track Services, the routing objects at the first step and the step ladder with its "
                + "minimum time to promote; changes nothing.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    CanaryCommand canary;

    @Spec
    CommandSpec spec;

    @Mixin
    PlanOptions options;

    @Mixin
    JudgeOptions judge;

    @Mixin
    EngineOption engine;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = OutputFormat.HELP)
    OutputFormat format;

    @Override
    public Integer call() {
        options.toPlan("default", spec.commandLine());
        options.tellIgnored(spec.commandLine().getErr());
        try (CanarySession session = canary.open()) {
            if (engine.inCluster()) {
                ReleasePlan handed = options.toPlan(session.namespace(), judge::toSpec, spec.commandLine());
                engine.printPlan(session, handed, format, spec.commandLine().getOut());
                return 0;
            }
            ReleasePlan plan = options.toPlan(session.namespace(), spec.commandLine());
            ReleasePreview preview = session.service().plan(plan);
            PrintWriter out = spec.commandLine().getOut();
            if (!plan.weighted()) {
                preview.requestShare().warning().ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
            }
            if (format.structured()) {
                out.println(StructuredOutput.pretty(new PlanView().tree(preview), format));
            } else {
                printText(out, plan, preview);
            }
            out.flush();
        }
        return 0;
    }

    private static void printText(PrintWriter out, ReleasePlan plan, ReleasePreview preview) {
        out.println("# release " + preview.release() + " of " + plan.namespace() + "/" + plan.deployment());
        out.println("# stable replicas: " + preview.stableReplicas());
        out.println("# canary replicas: " + preview.canaryReplicas() + " (" + plan.size().describe() + ")");
        out.println("# baseline replicas: " + preview.baselineReplicas());
        TrafficPlan traffic = plan.traffic();
        if (traffic.weighted()) {
            out.println("# traffic: " + traffic.provider().word() + " weights: " + traffic.describeLadder());
            out.println("# " + traffic.describeTimeToPromote());
            traffic.headerIfAny().ifPresent(h -> out.println("# requests with header " + h + " go to the canary"));
        } else {
            RequestShare share = preview.requestShare();
            out.println("# canary's share of requests: " + share.describe());
            share.warning().ifPresent(w -> out.println("# warning: " + w));
        }
        preview.notes().forEach(note -> out.println("# " + note));
        out.print(preview.yaml());
    }
}
