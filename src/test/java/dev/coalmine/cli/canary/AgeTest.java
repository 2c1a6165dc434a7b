package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeTest {
    @Test
    void showsTheLargestWholeUnitAsKubectlDoes() {
        assertThat(Age.of(Duration.ofSeconds(-5))).isEqualTo("0s");
        assertThat(Age.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Age.of(Duration.ofSeconds(150))).isEqualTo("2m");
        assertThat(Age.of(Duration.ofMinutes(200))).isEqualTo("3h");
        assertThat(Age.of(Duration.ofHours(24 * 5 + 7))).isEqualTo("5d");
        assertThat(Age.of(Duration.ofDays(800))).isEqualTo("2y");
    }
}
