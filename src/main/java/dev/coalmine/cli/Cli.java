package dev.coalmine.cli;

import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.addon.DemoLauncher;
import dev.coalmine.cli.canary.CanaryCommand;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.InvalidCanarySizeException;
import dev.coalmine.kube.KubeErrors;
import dev.coalmine.kube.config.KubeTarget;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Builds the command tree and turns failures into exit codes: usage 2, operational 1. */
public final class Cli {
    private final CommandLine commandLine;

    /** Without add-ons: no {@code demo} command, and every cluster is a real one. */
    public Cli(Consumer<KubeTarget> consoleLauncher) {
        this(consoleLauncher, ClusterAddOn.NONE, Optional.empty());
    }

    /**
     * @param addOn looks at each cluster a command connects to (the demo's simulated metrics)
     * @param demo what {@code coalmine demo} starts; without it there is no such command
     */
    public Cli(Consumer<KubeTarget> consoleLauncher, ClusterAddOn addOn, Optional<DemoLauncher> demo) {
        CoalmineCommand root = new CoalmineCommand(consoleLauncher, addOn);
        commandLine = new CommandLine(root);
        commandLine.addSubcommand(new ContextsCommand());
        commandLine.addSubcommand(new ConnectCommand());
        demo.ifPresent(launcher -> commandLine.addSubcommand(new DemoCommand(launcher)));
        commandLine.addSubcommand(new CanaryCommand());
        commandLine.addSubcommand(new CompletionCommand());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(Cli::operationalError);
    }

    public CommandLine commandLine() {
        return commandLine;
    }

    public int run(String... args) {
        return commandLine.execute(args);
    }

    private static int operationalError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof InvalidCanarySizeException size) {
            // Found only once stable's replicas are known, but as wrong a value as --count 0: a usage error.
            err.println("error: " + CanarySizeWording.of(size.problem()));
            err.flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        } else if (e instanceof CoalmineException) {
            err.println("error: " + e.getMessage());
        } else if (KubeErrors.requestGaveUp(e).isPresent()) {
            err.println("error: " + KubeErrors.requestGaveUp(e).get());
        } else {
            err.println("error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        err.flush();
        return 1;
    }
}
