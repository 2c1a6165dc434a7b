package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    @Test
    void followsXdgStateHome() {
        assertThat(LogFile.location(Map.of("XDG_STATE_HOME", "/var/tmp/state"), Path.of("/home/ana")))
                .isEqualTo(Path.of("/var/tmp/state/coalmine/logs/coalmine.log"));
        assertThat(LogFile.location(Map.of(), Path.of("/home/ana")))
                .isEqualTo(Path.of("/home/ana/.local/state/coalmine/logs/coalmine.log"));
    }

    @Test
    void theLogIsCreatedForItsOwnerOnly(@TempDir Path dir) throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path log = dir.resolve("coalmine.log");

        LogFile.createOwnerOnly(log);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void anExistingLogReadableByOthersIsNarrowedAndKept(@TempDir Path dir) throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path log = Files.writeString(dir.resolve("coalmine.log"), "earlier lines\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

        LogFile.createOwnerOnly(log);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(log).hasContent("earlier lines");
    }

    @Test
    void aNewRunKeepsThePreviousRunsLogByRotation(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("logs").resolve("coalmine.log");

        LogFile.startNewRun(log);
        Files.writeString(log, "first run\n");
        LogFile.startNewRun(log);

        assertThat(log).isEmptyFile();
        assertThat(LogFile.previousRun(log, 1)).hasContent("first run");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
    }

    @Test
    void onlyTheLastThreeRunsAreKept(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("coalmine.log");

        for (int run = 1; run <= 5; run++) {
            LogFile.startNewRun(log);
            Files.writeString(log, "run " + run + "\n");
        }
        LogFile.startNewRun(log);

        assertThat(LogFile.previousRun(log, 1)).hasContent("run 5");
        assertThat(LogFile.previousRun(log, 3)).hasContent("run 3");
        assertThat(LogFile.previousRun(log, 4)).doesNotExist();
    }

    @Test
    void anEmptyLogIsNotRotated(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("coalmine.log");

        LogFile.startNewRun(log);
        LogFile.startNewRun(log);

        assertThat(LogFile.previousRun(log, 1)).doesNotExist();
    }
}
