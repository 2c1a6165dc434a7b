package dev.coalmine.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@FastTest
class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void agoUsesTheLargestWholeUnitInWords() {
        assertThat(RelativeTime.ago(NOW.minusSeconds(3), NOW)).isEqualTo("just now");
        assertThat(RelativeTime.ago(NOW.plusSeconds(5), NOW)).as("a clock a little ahead").isEqualTo("just now");
        assertThat(RelativeTime.ago(NOW.minusSeconds(45), NOW)).isEqualTo("45 s ago");
        assertThat(RelativeTime.ago(NOW.minusSeconds(150), NOW)).isEqualTo("2 min ago");
        assertThat(RelativeTime.ago(NOW.minus(Duration.ofMinutes(200)), NOW)).isEqualTo("3 h ago");
        assertThat(RelativeTime.ago(NOW.minus(Duration.ofHours(30)), NOW)).isEqualTo("1 day ago");
        assertThat(RelativeTime.ago(NOW.minus(Duration.ofDays(12)), NOW)).isEqualTo("12 days ago");
    }

    @Test
    void tookShowsTheTwoLargestUnits() {
        assertThat(RelativeTime.took(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(RelativeTime.took(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(RelativeTime.took(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(RelativeTime.took(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(RelativeTime.took(Duration.ofHours(28))).isEqualTo("1 day 4 h");
    }
}
