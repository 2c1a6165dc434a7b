package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.kube.release.ReleaseStatus;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coalmine canary status}: phase, tracks, decision and last steps; once or as it changes. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the release: phase, replicas and readiness of stable/baseline/canary, images, "
                + "last decision and step-log lines.")
final class StatusCommand extends DeploymentCommand {
    enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-w", "--watch"}, description = "Print again whenever something changes, until the release ends.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", hidden = true,
            converter = PlanOptions.DurationConverter.class)
    Duration interval;

    private final StatusView view = new StatusView();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (CanarySession session = canary.open()) {
            String last = null;
            while (true) {
                ReleaseStatus status = session.service().status(session.namespace(), deployment);
                if (!watch && status.release() == null && !status.stable().exists()) {
                    throw new CoalmineException("Deployment " + deployment + " not found in namespace "
                            + session.namespace());
                }
                String shown = format == Format.json
                        ? (watch ? view.compact(view.json(status)) : view.pretty(view.json(status)))
                        : view.text(status);
                if (!shown.equals(last)) {
                    out.println(shown);
                    out.flush();
                    last = shown;
                }
                boolean over = status.current().map(r -> r.finished()).orElse(true);
                if (!watch || over) {
                    return 0;
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }
}
