package dev.coalmine.cli;

import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.addon.DemoLauncher;
import dev.coalmine.cli.canary.CanaryCommand;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.InvalidCanarySizeException;
import dev.coalmine.kube.KubeErrors;
import dev.coalmine.kube.ModelWarmUp;
import dev.coalmine.kube.config.KubeTarget;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Builds the command tree and turns failures into exit codes: usage 2, operational 1. A call gets only the branch its
 * command names ({@code canary status} builds the root, {@code canary} and {@code status}), so that a short call does
 * not pay for the whole tree; {@link #commandLine()} is the whole tree.
 */
public final class Cli {
    private final Consumer<KubeTarget> consoleLauncher;
    private final ClusterAddOn addOn;
    private final Optional<DemoLauncher> demo;
    private CommandLine whole;
    private PrintWriter out;
    private PrintWriter err;

    /** Without add-ons: no {@code demo} command, and every cluster is a real one. */
    public Cli(Consumer<KubeTarget> consoleLauncher) {
        this(consoleLauncher, ClusterAddOn.NONE, Optional.empty());
    }

    /**
     * @param addOn looks at each cluster a command connects to (the demo's simulated metrics)
     * @param demo what {@code coalmine demo} starts; without it there is no such command
     */
    public Cli(Consumer<KubeTarget> consoleLauncher, ClusterAddOn addOn, Optional<DemoLauncher> demo) {
        this.consoleLauncher = consoleLauncher;
        this.addOn = addOn;
        this.demo = demo;
    }

    /** The whole command tree; once asked for, {@link #run} uses it (with whatever was set on it). */
    public CommandLine commandLine() {
        if (whole == null) {
            whole = tree(List.of());
        }
        return whole;
    }

    /** Where the commands print (instead of stdout and stderr). */
    public Cli output(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        return this;
    }

    public int run(String... args) {
        List<String> path = CommandPath.of(args, CoalmineCommand.VALUE_OPTIONS, 2);
        if (!path.isEmpty() && path.get(0).equals(CanaryCommand.NAME)) {
            ModelWarmUp.start(); // every canary command reads a Deployment first
        }
        return treeFor(path).execute(args);
    }

    /** The tree {@link #run} uses for a call whose first command names are {@code path}. */
    CommandLine treeFor(List<String> path) {
        return whole != null ? whole : tree(path);
    }

    /** The tree for a call whose first command names are {@code path} (the whole tree where they name no branch). */
    private CommandLine tree(List<String> path) {
        CommandLine root = new CommandLine(new CoalmineCommand(consoleLauncher, addOn));
        boolean canaryOnly = !path.isEmpty() && path.get(0).equals(CanaryCommand.NAME);
        if (!canaryOnly) {
            root.addSubcommand(new ContextsCommand());
            root.addSubcommand(new ConnectCommand());
            demo.ifPresent(launcher -> root.addSubcommand(new DemoCommand(launcher)));
        }
        root.addSubcommand(CanaryCommand.commandLine(path.size() > 1 ? path.get(1) : ""));
        if (!canaryOnly) {
            root.addSubcommand(new CompletionCommand());
        }
        root.setParameterExceptionHandler(new UsageErrorHandler());
        root.setExecutionExceptionHandler(Cli::operationalError);
        if (out != null) {
            root.setOut(out).setErr(err);
        }
        return root;
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
