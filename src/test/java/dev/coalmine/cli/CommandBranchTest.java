package dev.coalmine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A call builds only its command's branch of the tree, and answers exactly as the whole tree does. */
class CommandBranchTest {
    private static final Set<String> VALUE_OPTIONS = CoalmineCommand.VALUE_OPTIONS;

    @ParameterizedTest
    @ValueSource(strings = {
        "canary status web -o xml",
        "canary start web --image x:1 --count 1 --fast",
        "canary stauts web",
        "canary status",
        "canary status --help",
        "canary --help",
        "canary",
        "-n shop canary history --help",
        "--namespace=shop canary promote --help",
        "-nshop canary reject",
        "--context canary status web",
        "--kubeconfig /nonexistent/kubeconfig canary status web",
        "-h canary status",
        "--version",
        "contexts --frobnicate",
        "canry status web"})
    void answersAsTheWholeTree(String line) {
        String[] args = line.split(" ");
        assertThat(answer(false, args)).isEqualTo(answer(true, args));
    }

    @Test
    void aCanaryCallBuildsOnlyItsBranch() {
        CommandLine tree = new Cli(target -> { }).treeFor(path("-n shop canary status web -o json"));

        assertThat(tree.getSubcommands()).containsOnlyKeys("canary");
        assertThat(tree.getSubcommands().get("canary").getSubcommands()).containsOnlyKeys("status");
    }

    @Test
    void helpAndUnknownNamesGetTheWholeTree() {
        Cli cli = new Cli(target -> { });

        assertThat(cli.treeFor(path("--help canary status")).getSubcommands()).hasSizeGreaterThan(1);
        assertThat(cli.treeFor(path("canary stauts")).getSubcommands().get("canary").getSubcommands())
                .containsKeys("plan", "start", "status", "promote", "reject", "history", "resume");
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary status web -o json", "-n shop canary status web", "--context=prod canary status",
        "-nshop --kubeconfig k canary history web"})
    void readsTheCommandNamesPastTheOptionsThatTakeAValue(String line) {
        assertThat(path(line)).containsExactly("canary", line.contains("history") ? "history" : "status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h canary status", "--verbose canary status", "-- canary status"})
    void stopsAtAnyOtherOption(String line) {
        assertThat(path(line)).isEmpty();
    }

    private static List<String> path(String line) {
        return CommandPath.of(line.split(" "), VALUE_OPTIONS, 2);
    }

    private record Answer(int code, String out, String err) {
    }

    private static Answer answer(boolean wholeTree, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(target -> { }).output(new PrintWriter(out, true), new PrintWriter(err, true));
        if (wholeTree) {
            cli.commandLine();
        }
        int code = cli.run(args);
        return new Answer(code, out.toString(), err.toString());
    }
}
