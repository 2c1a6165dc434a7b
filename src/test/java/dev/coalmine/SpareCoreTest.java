package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpareCoreTest {
    @TempDir
    Path dir;

    private Path loadAverage(String text) throws Exception {
        return Files.writeString(dir.resolve("loadavg"), text);
    }

    @Test
    void aCoreIsSpareWhileTheLoadAverageStaysBelowTheNumberOfCores() throws Exception {
        assertThat(SpareCore.available(loadAverage("0.52 0.61 0.70 1/312 4242\n"), 4)).isTrue();
        assertThat(SpareCore.available(loadAverage("3.93 0.61 0.70 3/312 4242\n"), 4)).isTrue();
        assertThat(SpareCore.available(loadAverage("4.00 0.61 0.70 3/312 4242\n"), 4)).isFalse();
        assertThat(SpareCore.available(loadAverage("6.07 8.50 8.58 9/812 4242\n"), 4)).isFalse();
        assertThat(SpareCore.available(loadAverage("6.07 8.50 8.58 9/812 4242\n"), 8)).isTrue();
    }

    @Test
    void twoCoresAreNeverSpareTheToolkitsStartKeepsBothBusy() throws Exception {
        assertThat(SpareCore.available(loadAverage("0.00 0.00 0.00 1/312 4242\n"), 2)).isFalse();
        assertThat(SpareCore.available(dir.resolve("absent"), 2)).isFalse();
        assertThat(SpareCore.available(dir.resolve("absent"), 1)).isFalse();
    }

    @Test
    void whereTheLoadCannotBeReadACoreIsAssumedSpare() throws Exception {
        assertThat(SpareCore.available(dir.resolve("absent"), 4)).isTrue();
        assertThat(SpareCore.available(loadAverage("not a load average"), 4)).isTrue();
    }
}
