package dev.coalmine;

import dev.coalmine.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs several command lines one after another in one JVM of its own, as {@link App#main} runs one: with the
 * process's real environment, stdout and stderr (library log lines included). Saves a JVM start per command. Each
 * command's output is framed by {@link #BEGIN} and {@link #END} lines on both streams.
 *
 * <p>Argument: a file of commands, one argument per line, commands separated by an empty line.
 */
public final class CliSequence {
    public static final String BEGIN = "=== begin: ";
    public static final String END = "=== exit: ";

    private CliSequence() {
    }

    public static void main(String[] args) throws IOException {
        CliLogging.quiet(System.getProperties());
        for (List<String> command : commands(Path.of(args[0]))) {
            String line = String.join(" ", command);
            System.out.println(BEGIN + line);
            System.err.println(BEGIN + line);
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            Cli cli = App.cli(target -> { });
            cli.commandLine().setOut(out).setErr(err);
            int code = cli.run(command.toArray(String[]::new));
            out.flush();
            err.flush();
            System.out.println(END + code);
            System.err.println(END + code);
        }
        System.exit(0);
    }

    /** Writes {@code commands} to {@code file} in the form {@link #main} reads. */
    public static Path write(Path file, List<List<String>> commands) throws IOException {
        StringBuilder text = new StringBuilder();
        commands.forEach(command -> text.append(String.join("\n", command)).append("\n\n"));
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<List<String>> commands(Path file) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}
