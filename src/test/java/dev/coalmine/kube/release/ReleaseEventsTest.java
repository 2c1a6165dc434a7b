package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.StepLogEntry;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events are aggregated and rate-limited per release, as client-go's EventRecorder does. */
class ReleaseEventsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final MockCluster cluster = new MockCluster();
    private final ReleaseEvents events = new ReleaseEvents(cluster.client, "events-test");
    private final ReleaseState release = ReleaseState.start(1, ReleasePlan.ofImages("default", "details-v1",
            List.of(ImageChange.parse("details=details:2")), CanarySize.count(1), true), 1, "{}", List.of("planned"), T0);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aRepeatedStepBumpsTheCountOfOneEvent() {
        for (int i = 0; i < 50; i++) {
            events.record(release, line(Duration.ofSeconds(i), "deleting details-v1-canary"));
        }

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.getCount()).isEqualTo(50);
            assertThat(e.getSeries().getCount()).isEqualTo(50);
            assertThat(e.getFirstTimestamp()).isEqualTo(T0.toString());
            assertThat(e.getLastTimestamp()).isEqualTo(T0.plusSeconds(49).toString());
        });
    }

    @Test
    void theSameLineAfterTheWindowIsANewEvent() {
        events.record(release, line(Duration.ZERO, "deleting details-v1-canary"));
        events.record(release, line(EventAggregation.WINDOW.plusSeconds(1), "deleting details-v1-canary"));

        assertThat(events()).hasSize(2);
    }

    @Test
    void newEventsOfOneReleaseAreCappedPerMinute() {
        for (int i = 0; i < 100; i++) {
            events.record(release, line(Duration.ofMillis(i * 100L), "waiting for steady state: " + i + " ready"));
        }
        assertThat(events()).hasSize(EventAggregation.NEW_PER_MINUTE);

        events.record(release, line(Duration.ofMinutes(1), "canary is ready"));
        assertThat(events()).hasSize(EventAggregation.NEW_PER_MINUTE + 1);
    }

    @Test
    void eventsAreTypedByOutcomeNotByTheWordsOfTheMessage() {
        events.record(release, new StepLogEntry(T0, Stage.ANALYSIS, "analysis check 1 passed (1 of 3 passes in a row "
                + "to promote; failed checks: none (rejects at 2)) — canary containers failed to restart: none", false));
        events.record(release, new StepLogEntry(T0.plusSeconds(1), Stage.ANALYSIS, "analysis check 2 was bad", true));

        assertThat(events()).extracting(Event::getMessage, Event::getType).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("release 1: analysis check 1 passed (1 of 3 passes in a row to promote; "
                        + "failed checks: none (rejects at 2)) — canary containers failed to restart: none", "Normal"),
                org.assertj.core.groups.Tuple.tuple("release 1: analysis check 2 was bad", "Warning"));
    }

    private List<Event> events() {
        return cluster.client.v1().events().inNamespace("default").list().getItems();
    }

    private static StepLogEntry line(Duration after, String message) {
        return new StepLogEntry(T0.plus(after), Stage.WRAP_UP, message);
    }
}
