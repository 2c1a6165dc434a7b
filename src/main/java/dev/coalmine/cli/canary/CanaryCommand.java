package dev.coalmine.cli.canary;

import dev.coalmine.cli.CoalmineCommand;
import dev.coalmine.kube.config.ClusterConnection;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeContext;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.kube.config.KubeconfigLoader;
import dev.coalmine.kube.config.KubeconfigSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import dev.coalmine.metrics.MetricSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine canary …}: canary releases of a Deployment from the command line. */
@Command(name = "canary", mixinStandardHelpOptions = true,
        description = "Canary releases of a Deployment: plan, start, status, promote, reject, history, resume.",
        subcommands = {PlanCommand.class, StartCommand.class, StatusCommand.class, PromoteCommand.class,
            RejectCommand.class, HistoryCommand.class, ResumeCommand.class})
public final class CanaryCommand implements Callable<Integer> {
    @ParentCommand
    CoalmineCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** How to call a command on {@code deployment} again with this run's connection options. */
    FollowUp followUp(String deployment) {
        return FollowUp.of(root.target(), deployment);
    }

    /** Connects to the cluster of the chosen context; the caller closes the session. */
    CanarySession open() {
        KubeTarget target = root.target();
        target.kubeconfig().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new ParameterException(spec.commandLine(), "--kubeconfig " + file + ": no such file; give the path "
                    + "of your cluster's kubeconfig (a relative path counts from " + Path.of("").toAbsolutePath() + ")");
        });
        KubeconfigSet set = new KubeconfigLoader(KubeEnvironment.fromSystem()).load(target.kubeconfig());
        String context = set.resolveContextName(target.context());
        if (target.context().isPresent() && set.find(context).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--context " + context + ": no such context in "
                    + set.sources().stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "; its contexts: " + set.contexts().stream().map(KubeContext::name)
                    .collect(Collectors.joining(", ")));
        }
        ClusterConnection connection = new ClusterConnector().connect(set, context);
        return new CanarySession(connection, target.namespace().orElse(connection.namespace()),
                MetricSources.detectedWhenNeeded(() -> root.addOn().detect(connection.client()).metricSources()));
    }
}
