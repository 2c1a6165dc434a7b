package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleDisplayTest {
    @Test
    void linuxWithoutDisplayOrWaylandHasNoDisplay() {
        assertThat(ConsoleDisplay.missing("Linux", Map.of(), null)).hasValueSatisfying(message -> assertThat(message)
                .contains("the console needs a display", "coalmine canary --help"));
        assertThat(ConsoleDisplay.missing("Linux", Map.of("DISPLAY", ""), null)).isPresent();
        assertThat(ConsoleDisplay.missing("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(ConsoleDisplay.missing("FreeBSD", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(ConsoleDisplay.missing("Windows 11", Map.of(), null)).isEmpty();
        assertThat(ConsoleDisplay.missing("Mac OS X", Map.of(), null)).isEmpty();
        assertThat(ConsoleDisplay.missing("Linux", Map.of(), "Headless")).as("headless Monocle").isEmpty();
        assertThat(ConsoleDisplay.missing("Linux", Map.of(), "EGL")).as("a Monocle platform with a screen").isPresent();
    }

    @Test
    void withNoArgumentsAndNoDisplayCoalmineSaysHowToUseTheCli() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.coalmine.App")).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output.strip()).isEqualTo("error: " + ConsoleDisplay.NEEDED);
    }
}
