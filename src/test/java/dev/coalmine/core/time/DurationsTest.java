package dev.coalmine.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "90s, PT1M30S", "1m30s, PT1M30S", "2h, PT2H", "1h2m3s, PT1H2M3S", "500ms, PT0.5S", "1.5h, PT1H30M",
        "' 1m ', PT1M", "10 s, PT10S", "1m 30s, PT1M30S", "1500us, PT0.0015S", "250ns, PT0.00000025S", "0, PT0S",
        "0s, PT0S", "90, PT1M30S", "PT1M30S, PT1M30S", "pt45s, PT45S", "1M30S, PT1M30S"})
    void readsGoKubectlAndIsoForms(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "", "soon", "-1m", "1m30", "s", "ms5", "1d", "PT", "1h-5m"})
    void refusesJunkShowingTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(CoalmineException.class)
                .hasMessage("'" + text + "' is not a duration: use forms like 90s, 1m30s or 2h");
    }

    @ParameterizedTest(name = "{1} formats as {0}")
    @CsvSource({"1m30s, PT1M30S", "2h, PT2H", "1h2m3s, PT1H2M3S", "500ms, PT0.5S", "1.5s, PT1.5S", "0s, PT0S",
        "1h5s, PT1H5S", "30s, PT30S", "10m, PT10M", "26h, PT26H", "250ns, PT0.00000025S"})
    void formatsTheShortGoForm(String text, String iso) {
        Duration duration = Duration.parse(iso);
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }
}
