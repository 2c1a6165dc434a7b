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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import dev.coalmine.metrics.MetricSources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine canary …}: canary releases of a Deployment from the command line. */
@Command(name = CanaryCommand.NAME, mixinStandardHelpOptions = true,
        description = "Canary releases of a Deployment: plan, start, status, promote, reject, history, resume.")
public final class CanaryCommand implements Callable<Integer> {
    public static final String NAME = "canary";
    private static final List<Class<?>> SUBCOMMANDS = List.of(PlanCommand.class, StartCommand.class,
            StatusCommand.class, PromoteCommand.class, RejectCommand.class, HistoryCommand.class, ResumeCommand.class);

    @ParentCommand
    CoalmineCommand root;

    @Spec
    CommandSpec spec;

    /**
     * This command with its subcommands; only with {@code only} where that names one of them, as reading the
     * others' annotations costs a short call's start (picocli builds each command's model by reflection).
     */
    public static CommandLine commandLine(String only) {
        CommandLine canary = new CommandLine(new CanaryCommand());
        boolean known = SUBCOMMANDS.stream().anyMatch(type -> nameOf(type).equals(only));
        SUBCOMMANDS.stream().filter(type -> !known || nameOf(type).equals(only)).forEach(canary::addSubcommand);
        return canary;
    }

    private static String nameOf(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }

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
