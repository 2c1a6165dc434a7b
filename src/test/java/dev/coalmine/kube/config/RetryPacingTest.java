package dev.coalmine.kube.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a failed answer is held back before fabric8 retries it (the HTTP side: CliUnderApiFaultsTest). */
class RetryPacingTest {
    @Test
    void aThrottledAnswerWaitsForItsRetryAfterPlusUpToAFifth() {
        assertThat(new RetryPacing(() -> 0).pause(429, "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(new RetryPacing(() -> 0.999).pause(429, "3")).isBetween(Duration.ofSeconds(3),
                Duration.ofMillis(3_600));
        assertThat(new RetryPacing(() -> 0).pause(429, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(new RetryPacing(() -> 0).pause(429, "Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
        assertThat(new RetryPacing(() -> 0).pause(429, "86400")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aServerErrorGetsJitterAndOtherAnswersNoPause() {
        assertThat(new RetryPacing(() -> 0.5).pause(503, null)).isEqualTo(Duration.ofMillis(125));
        assertThat(new RetryPacing(() -> 0.5).pause(404, null)).isZero();
        assertThat(new RetryPacing(() -> 0.5).pause(409, null)).isZero();
    }
}
