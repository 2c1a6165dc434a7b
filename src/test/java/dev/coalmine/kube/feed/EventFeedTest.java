package dev.coalmine.kube.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.EventTimeline;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTimeBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event feed against fabric8's mock API server in CRUD mode: history, live Events, updates, ownership. */
class EventFeedTest {
    private final CrudApiServer server = new CrudApiServer();
    private final KubernetesClient client = server.client();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void startsWithTheHistoryThenFollowsLiveEventsOfTheReleaseOnly() throws Exception {
        java.util.Set<Thread> feedThreadsBefore = feedThreads();
        // A ReplicaSet named like a stable one of "web" but owned by another Deployment "web-1".
        client.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata()
                .withName("web-1").withNamespace("shop").addNewOwnerReference().withKind("Deployment")
                .withName("elsewhere").withController(true).endOwnerReference().endMetadata().build()).create();
        create(event("old", "Deployment", "web", "ScalingReplicaSet", "2026-01-01T10:00:00Z"));
        create(event("older", "ReplicaSet", "web-canary-7d9f8c6b5", "SuccessfulCreate", "2026-01-01T09:00:00Z"));
        create(event("foreign", "ReplicaSet", "web-1", "SuccessfulCreate", "2026-01-01T09:30:00Z"));
        create(event("other-app", "Pod", "db-5f6d7c8b9-zzz99", "Pulled", "2026-01-01T09:30:00Z"));

        List<EventRecord> delivered = new CopyOnWriteArrayList<>();
        try (EventFeed feed = EventFeed.open(new ClusterCache(client), client, "shop", "web", delivered::add)) {
            Eventually.assertThat(() -> assertThat(delivered).extracting(r -> r.object().toString())
                    .as("the history, oldest first").containsExactly("ReplicaSet/web-canary-7d9f8c6b5", "Deployment/web"));

            create(event("live", "Pod", "web-baseline-6c5b4d3f2-def34", "Started", "2026-01-01T10:01:00Z"));
            Event coalmine = event("step", "ConfigMap", "coalmine-web", "CanaryPromoted", "2026-01-01T10:02:00Z");
            coalmine.setSource(null);
            coalmine.setReportingComponent("coalmine");
            coalmine.setReportingInstance("console-1");
            coalmine.setEventTime(new MicroTimeBuilder().withTime("2026-01-01T10:02:00.123456Z").build());
            create(coalmine);
            Eventually.assertThat(() -> assertThat(delivered).extracting(EventRecord::reason)
                    .endsWith("Started", "CanaryPromoted"));
            EventRecord promoted = delivered.get(delivered.size() - 1);
            assertThat(promoted.source()).isEqualTo("coalmine, console-1");
            assertThat(promoted.object()).isEqualTo(new ObjectRef("ConfigMap", "coalmine-web"));

            Event bumped = client.v1().events().inNamespace("shop").withName("live").get();
            bumped.setCount(5);
            bumped.setLastTimestamp("2026-01-01T10:05:00Z");
            client.v1().events().inNamespace("shop").resource(bumped).update();
            Eventually.assertThat(() -> assertThat(delivered).last().satisfies(r -> {
                assertThat(r.reason()).isEqualTo("Started");
                assertThat(r.count()).isEqualTo(5);
            }));

            EventTimeline timeline = new EventTimeline(100);
            timeline.apply(delivered);
            assertThat(timeline.records()).as("the bump replaced the first version").extracting(EventRecord::reason)
                    .containsExactly("SuccessfulCreate", "ScalingReplicaSet", "CanaryPromoted", "Started");
            EventRecord started = timeline.records().get(3);
            assertThat(started.type()).isEqualTo("Normal");
            assertThat(started.message()).isEqualTo("Started web-baseline-6c5b4d3f2-def34");
            assertThat(started.source()).isEqualTo("kubelet, node-1");
            assertThat(started.firstTime()).hasToString("2026-01-01T10:01:00Z");
            assertThat(started.lastTime()).hasToString("2026-01-01T10:05:00Z");
        }
        int closedAt = delivered.size();
        create(event("after", "Deployment", "web-canary", "ScalingReplicaSet", "2026-01-01T10:06:00Z"));
        Thread.sleep(500);
        assertThat(delivered).as("nothing after close").hasSize(closedAt);
        assertThat(feedThreads()).as("this feed's thread is gone (other tests' feeds may still run)")
                .isSubsetOf(feedThreadsBefore);
    }

    private static java.util.Set<Thread> feedThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("coalmine-event-feed"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private void create(Event e) {
        client.v1().events().inNamespace("shop").resource(e).create();
    }

    private static Event event(String name, String kind, String object, String reason, String time) {
        return new EventBuilder()
                .withNewMetadata().withNamespace("shop").withName(name).endMetadata()
                .withNewInvolvedObject().withKind(kind).withName(object).withNamespace("shop").endInvolvedObject()
                .withType("Normal").withReason(reason).withMessage(reason + " " + object).withCount(1)
                .withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent("kubelet").withHost("node-1").endSource()
                .build();
    }
}
