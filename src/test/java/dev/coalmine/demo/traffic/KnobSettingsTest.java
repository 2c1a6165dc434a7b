package dev.coalmine.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnobSettingsTest {

    @Test
    void builtInBehavioursComeFromTheImageReference() {
        KnobSettings defaults = KnobSettings.DEFAULTS;
        assertThat(defaults.requestsPerSecond()).isEqualTo(20);
        assertThat(defaults.behaviourOf("shop/web:1.0")).isEqualTo(ImageBehaviour.HEALTHY);
        assertThat(defaults.behaviourOf("shop/web:1.1-faulty").errorRate()).isEqualTo(0.10);
        assertThat(defaults.behaviourOf("shop/slow-web:2").medianLatency()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void overridesApplyFieldByFieldWithTheLongestSubstringWinning() {
        KnobSettings knobs = KnobSettings.parse(Map.of(
                "requests-per-second", "55.5",
                "image.web.error-rate", "0.2",
                "image.web:2.error-rate", "0.4",
                "image.web.latency-ms", "300"));
        assertThat(knobs.requestsPerSecond()).isEqualTo(55.5);
        assertThat(knobs.behaviourOf("shop/web:2.0")).isEqualTo(new ImageBehaviour(0.4, Duration.ofMillis(300)));
        assertThat(knobs.behaviourOf("shop/web:1.0")).isEqualTo(new ImageBehaviour(0.2, Duration.ofMillis(300)));
        assertThat(knobs.behaviourOf("shop/api:1.0")).isEqualTo(ImageBehaviour.HEALTHY);
    }

    @Test
    void valuesThatAreNotNumbersInRangeAreIgnored() {
        KnobSettings knobs = KnobSettings.parse(Map.of(
                "requests-per-second", "lots",
                "image.web.error-rate", "1.5",
                "image.web.latency-ms", "-3",
                "unrelated", "x"));
        assertThat(knobs).isEqualTo(KnobSettings.DEFAULTS);
    }

    @Test
    void theHeaderKnobIsOffByDefaultTakesATenthWhenSetAndIgnoresTextThatIsNotNameEqualsValue() {
        assertThat(KnobSettings.DEFAULTS.headerShare()).isZero();
        KnobSettings header = KnobSettings.parse(Map.of("header", "x-canary=always"));
        assertThat(header.requestHeader()).isEqualTo(new RequestHeader("x-canary", "always"));
        assertThat(header.headerShare()).isEqualTo(0.1);
        assertThat(KnobSettings.parse(Map.of("header", "x-canary=always", "header-share", "0.3")).headerShare())
                .isEqualTo(0.3);
        assertThat(KnobSettings.parse(Map.of("header", "x-canary", "header-share", "0.3")))
                .isEqualTo(KnobSettings.DEFAULTS);
    }
}
