package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canary size is one choice, described once in the help of the commands that take it. */
class CanarySizeHelpTest {
    private final CliRunner cli = new CliRunner(Path.of("no-kubeconfig-needed"));

    @ParameterizedTest
    @ValueSource(strings = {"start", "plan"})
    void countAndPercentAreDescribedOnce(String command) {
        assertThat(cli.run("canary", command, "--help")).isZero();

        assertThat(descriptionsOf(cli.out(), "--count=N")).isEqualTo(1);
        assertThat(descriptionsOf(cli.out(), "--percent=P")).isEqualTo(1);
        assertThat(cli.out()).containsOnlyOnce("Canary size (give one):").containsOnlyOnce("(--count=N |");
    }

    /** Lines of the option list that start with {@code option}; the synopsis mentions it mid-line. */
    private static long descriptionsOf(String help, String option) {
        return help.lines().filter(line -> line.strip().startsWith(option + " ")).count();
    }
}
