package dev.coalmine.cli;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.InvalidCanarySizeException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Builds the command tree and turns failures into exit codes: usage 2, operational 1. */
public final class Cli {
    private final CommandLine commandLine;

    /** {@code moreSubcommands}: commands the composition root adds (such as {@code coalmine demo}). */
    public Cli(Consumer<KubeTarget> consoleLauncher, Object... moreSubcommands) {
        CoalmineCommand root = new CoalmineCommand(consoleLauncher);
        commandLine = new CommandLine(root);
        commandLine.addSubcommand(new ContextsCommand());
        commandLine.addSubcommand(new ConnectCommand());
        for (Object command : moreSubcommands) {
            commandLine.addSubcommand(command);
        }
        commandLine.addSubcommand(new dev.coalmine.cli.canary.CanaryCommand());
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
            err.println("error: " + CanarySizeWording.of(size.problem()));
        } else if (e instanceof CoalmineException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        err.flush();
        return 1;
    }
}
