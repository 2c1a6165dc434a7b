package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.StepLogEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Event reasons read like the API server's own: CamelCase words. */
class EventReasonTest {
    private static String reasonOf(Stage stage) {
        return ReleaseEvents.reason(new StepLogEntry(Instant.EPOCH, stage, "x"));
    }

    @Test
    void eachWordOfTheStageTitleStartsWithACapital() {
        assertThat(reasonOf(Stage.WAIT_FOR_STEADY_STATE)).isEqualTo("WaitForSteadyState");
        assertThat(reasonOf(Stage.WRAP_UP)).isEqualTo("WrapUp");
        assertThat(reasonOf(Stage.PREPARE)).isEqualTo("Prepare");
        assertThat(reasonOf(Stage.ANALYSIS)).isEqualTo("Analysis");
    }
}
