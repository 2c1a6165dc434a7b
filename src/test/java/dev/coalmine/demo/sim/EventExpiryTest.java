package dev.coalmine.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventExpiryTest {

    /** The system clock, which the test can move forward. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @Test
    void eventsOlderThanAnHourAreDeletedAsTheApiServerWould() {
        MovableClock clock = new MovableClock();
        try (EmptyDemoCluster server = new EmptyDemoCluster();
             ClusterSimulation simulation = new ClusterSimulation(SimulationSettings.fast(), clock, new SplittableRandom(7))) {
            var client = server.client();
            simulation.start(client);
            client.resource(Manifests.web("registry.example/web:1.0")).create();
            Await.until("the events of a started deployment", () -> client.v1().events().inNamespace("default").list()
                    .getItems().stream().filter(e -> "Started".equals(e.getReason())).count() == 4);
            int before = client.v1().events().inNamespace("default").list().getItems().size();

            clock.advance(Duration.ofMinutes(59));
            long passes = simulation.passes();
            Await.until("a few passes", () -> simulation.passes() > passes + 3);
            assertThat(client.v1().events().inNamespace("default").list().getItems()).hasSizeGreaterThanOrEqualTo(before);

            clock.advance(Duration.ofMinutes(2));
            Await.until("the events to expire", () -> client.v1().events().inNamespace("default").list().getItems().isEmpty());
        }
    }
}
