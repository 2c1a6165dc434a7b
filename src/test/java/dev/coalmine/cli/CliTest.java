package dev.coalmine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.config.KubeTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
    private final List<KubeTarget> opened = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        Cli cli = new Cli(opened::add);
        cli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.run(args);
    }

    @Test
    void versionPrintsTheProductVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).matches("coalmine \\d+\\.\\d+\\.\\d+.*\\R");
    }

    @Test
    void noArgumentsOpensTheConsoleWithKubectlStyleOptions() {
        assertThat(run("--kubeconfig", "/tmp/k", "--context", "prod", "-n", "shop")).isZero();
        assertThat(opened).containsExactly(new KubeTarget(java.util.Optional.of(Path.of("/tmp/k")),
                java.util.Optional.of("prod"), java.util.Optional.of("shop")));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
        assertThat(opened).isEmpty();
    }

    @Test
    void aUsageErrorPrintsTheOneWrongThingAndWhereTheHelpIs() {
        assertThat(run("canary", "start", "web", "--image", "x:1", "--count", "1", "--fast")).isEqualTo(2);

        assertThat(err.toString()).isEqualToNormalizingNewlines("""
                error: Unknown option: '--fast'
                Run 'coalmine canary start --help' for usage.
                """);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aWrongValueIsAUsageErrorWithTheSameHint() {
        assertThat(run("canary", "status", "web", "-o", "xml")).isEqualTo(2);

        assertThat(err.toString()).startsWith("error: Invalid value for option '--output'")
                .endsWith("Run 'coalmine canary status --help' for usage." + System.lineSeparator())
                .doesNotContain("Usage:");
    }

    @Test
    void completionPrintsABashScriptThatCompletesTheCanaryCommands() {
        assertThat(run("completion", "bash")).isZero();

        assertThat(out.toString()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_coalmine", "canary", "history", "--kubeconfig");
        assertThat(opened).isEmpty();
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsItselfThroughBashcompinit() {
        assertThat(run("completion", "bash")).isZero();
        String bash = out.toString();
        out.getBuffer().setLength(0);

        assertThat(run("completion", "zsh")).isZero();

        assertThat(out.toString()).isEqualTo(bash).contains("bashcompinit");
    }

    @Test
    void completionForAnotherShellIsAUsageError() {
        assertThat(run("completion", "fish")).isEqualTo(2);
        assertThat(err.toString()).contains("fish", "Run 'coalmine completion --help' for usage.");
    }

    @Test
    void helpListsOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--kubeconfig", "--context", "--namespace");
    }
}
