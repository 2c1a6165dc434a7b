package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.kube.release.ReleaseStatus;
import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coalmine canary status}: phase, tracks, decision and last steps; once or as it changes. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the release: phase, replicas and readiness of stable/baseline/canary, images, "
                + "last decision and step-log lines.")
final class StatusCommand extends DeploymentCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = OutputFormat.HELP)
    OutputFormat format;

    @Option(names = {"-w", "--watch"}, description = "Print again whenever something changes, until the release ends.")
    boolean watch;

    private final StatusView view = new StatusView();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CanarySession session = canary.open()) {
            if (!watch) {
                ReleaseStatus status = session.service().status(session.namespace(), deployment);
                if (status.release() == null && !status.stable().exists()) {
                    throw new CoalmineException("Deployment " + deployment + " not found in namespace "
                            + session.namespace() + "; check the name and -n NAMESPACE");
                }
                out.println(format.structured() ? StructuredOutput.pretty(view.json(status), format)
                        : view.text(status));
                out.flush();
                return 0;
            }
            BlockingQueue<ReleaseStatus> changes = new LinkedBlockingQueue<>();
            try (AutoCloseable watching = session.release(deployment).watch(changes::add)) {
                String last = null;
                while (true) {
                    ReleaseStatus status = changes.take();
                    String shown = format.structured()
                            ? StructuredOutput.streamed(view.json(status), format) : view.text(status);
                    if (!shown.equals(last)) {
                        out.println(shown);
                        out.flush();
                        last = shown;
                    }
                    if (status.current().map(r -> r.finished()).orElse(true)) {
                        return 0;
                    }
                }
            }
        }
    }
}
