package dev.coalmine.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error, as kubectl prints one: the one wrong thing, a "did you mean" when there is one, and where the help
 * is; not the whole help. Exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli starts some messages with its own "Error: "; one prefix is enough.
        err.println("error: " + String.valueOf(e.getMessage()).replaceFirst("^Error: ", ""));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
