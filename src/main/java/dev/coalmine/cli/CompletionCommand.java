package dev.coalmine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coalmine completion bash|zsh}: the shell completion script picocli generates from the command tree. It is a
 * bash script; zsh loads it through {@code bashcompinit}, which the script turns on itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script: source <(coalmine completion bash), "
                + "or the same with zsh.")
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
