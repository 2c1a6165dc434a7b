package dev.coalmine.cli.canary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coalmine canary history}: every recorded release of the Deployment, oldest first, saying which releases'
 * plans were moved out of the history and how many older releases were not kept.
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the Deployment's releases.")
final class HistoryCommand extends DeploymentCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = OutputFormat.HELP)
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StatusView view = new StatusView();
        try (CanarySession session = canary.open()) {
            ReleaseHistory history = session.service().storedHistory(session.namespace(), deployment);
            if (format.structured()) {
                ArrayNode all = JsonNodeFactory.instance.arrayNode();
                history.releases().forEach(r -> all.add(withTrim(view.history(r), r)));
                out.println(StructuredOutput.pretty(all, format));
            } else if (history.releases().isEmpty()) {
                out.println("no releases of " + deployment + " in namespace " + session.namespace());
            } else {
                if (history.notKept() > 0) {
                    out.println(history.notKept() + " older release(s) not kept (the history outgrew its ConfigMap)");
                }
                Columns table = new Columns("RELEASE", "PHASE", "AGE", "STARTED", "FINISHED", "DECISION", "CHANGE");
                Instant now = Instant.now();
                for (ReleaseState r : history.releases()) {
                    table.add(r.number(), r.phase().label(), Age.of(Duration.between(r.startedAt(), now)),
                            r.startedAt(), r.finishedAt() == null ? "-" : r.finishedAt(),
                            r.decisionIfAny().map(d -> d.verdict().word() + " by " + d.who()).orElse("-"),
                            change(r));
                }
                table.print(out);
            }
            out.flush();
        }
        return 0;
    }

    /** The change, with the images a trimmed manifest release set and where its plan went. */
    private static String change(ReleaseState r) {
        return r.trimmedIfAny().map(t -> StatusView.change(r) + images(t, r) + " [" + t.describe() + "]")
                .orElse(StatusView.change(r));
    }

    private static String images(TrimmedBody t, ReleaseState r) {
        return r.plan().fromManifest() && !t.images().isEmpty() ? " " + String.join(",", t.images()) : "";
    }

    private static ObjectNode withTrim(ObjectNode entry, ReleaseState r) {
        r.trimmedIfAny().ifPresent(t -> {
            ObjectNode trimmed = entry.putObject("planTrimmed");
            trimmed.put("keptIn", t.keptIn());
            ArrayNode images = trimmed.putArray("images");
            t.images().forEach(images::add);
        });
        return entry;
    }
}
