package dev.coalmine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FastTest
class ReliabilityFiguresTest {

    @Test
    void aFigureReplacesOnlyItsOwnSection(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("reliability.md");
        Files.writeString(page, "# Reliability\n\nintro\n");
        ReliabilityFigures.record(page, "races", "old races");
        ReliabilityFigures.record(page, "soak", "50 of 50");
        ReliabilityFigures.record(page, "races", "100 of 100");

        String text = Files.readString(page);
        assertThat(text).startsWith("# Reliability\n\nintro\n")
                .contains("100 of 100").contains("50 of 50").doesNotContain("old races");
        assertThat(text.indexOf("figure:races")).isLessThan(text.indexOf("figure:soak"));
    }
}
