package dev.coalmine.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.MovableClock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventExpiryTest {

    @Test
    void eventsOlderThanAnHourAreDeletedAsTheApiServerWould() {
        MovableClock clock = MovableClock.system();
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
