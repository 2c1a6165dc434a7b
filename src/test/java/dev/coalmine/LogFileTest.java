package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFileTest {
    @Test
    void followsXdgStateHome() {
        assertThat(LogFile.location(Map.of("XDG_STATE_HOME", "/var/tmp/state"), Path.of("/home/ana")))
                .isEqualTo(Path.of("/var/tmp/state/coalmine/logs/coalmine.log"));
        assertThat(LogFile.location(Map.of(), Path.of("/home/ana")))
                .isEqualTo(Path.of("/home/ana/.local/state/coalmine/logs/coalmine.log"));
    }
}
