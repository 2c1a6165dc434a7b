package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CliLoggingTest {
    @Test
    void librariesLogOnlyErrorsUnlessTheUserChoseALevel() {
        Properties system = new Properties();
        system.setProperty("org.slf4j.simpleLogger.log.io.fabric8", "debug");
        CliLogging.quiet(system);
        assertThat(system.getProperty("org.slf4j.simpleLogger.log.io.fabric8")).isEqualTo("debug");
        assertThat(system.getProperty("org.slf4j.simpleLogger.log.io.vertx")).isEqualTo("error");
        assertThat(system.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("warn");
    }
}
