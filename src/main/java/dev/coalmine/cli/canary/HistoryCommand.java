package dev.coalmine.cli.canary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.coalmine.core.release.ReleaseState;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coalmine canary history}: every recorded release of the Deployment, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the Deployment's releases.")
final class HistoryCommand extends DeploymentCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    StatusCommand.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StatusView view = new StatusView();
        try (CanarySession session = canary.open()) {
            List<ReleaseState> releases = session.service().history(session.namespace(), deployment);
            if (format == StatusCommand.Format.json) {
                ArrayNode all = JsonNodeFactory.instance.arrayNode();
                releases.forEach(r -> all.add(view.history(r)));
                out.println(view.pretty(all));
            } else if (releases.isEmpty()) {
                out.println("no releases of " + deployment + " in namespace " + session.namespace());
            } else {
                String row = "%-8s %-17s %-24s %-24s %-30s %s%n";
                out.printf(row, "RELEASE", "PHASE", "STARTED", "FINISHED", "DECISION", "CHANGE");
                for (ReleaseState r : releases) {
                    out.printf(row, r.number(), r.phase().label(), r.startedAt(),
                            r.finishedAt() == null ? "-" : r.finishedAt(),
                            r.decisionIfAny().map(d -> d.verdict().word() + " by " + d.who()).orElse("-"),
                            StatusView.change(r));
                }
            }
            out.flush();
        }
        return 0;
    }
}
