package dev.coalmine.kube.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event feed against a mock API server in expectations mode that drops the watch once and then
 * expires it (410 Gone): the feed must reconnect, relist, and deliver every Event version exactly once.
 */
class EventFeedWatchExpiryTest {
    private static final String EVENTS = "/api/v1/namespaces/shop/events";

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void relistsAfterWatchExpiryWithoutLosingOrDuplicatingEvents() throws Exception {
        Event scheduled = event("e1", "10", "Pod", "web-canary-7d9f8c6b5-abc12", "Scheduled", 1);
        Event scaled = event("e2", "10", "Deployment", "web", "ScalingReplicaSet", 1);
        Event unrelated = event("u1", "10", "Pod", "db-5f6d7c8b9-zzz99", "Pulled", 1);
        Event daemonPod = event("u2", "10", "Pod", "web-agent-q7x2k", "Started", 1);
        Event pulled = event("e3", "11", "Pod", "web-baseline-6c5b4d3f2-def34", "Pulled", 1);
        Event scaledAgain = event("e2", "12", "Deployment", "web", "ScalingReplicaSet", 2);
        Event backOff = event("e4", "13", "Pod", "web-canary-7d9f8c6b5-abc12", "BackOff", 1);
        Event backOffAgain = event("e4", "14", "Pod", "web-canary-7d9f8c6b5-abc12", "BackOff", 2);

        server.expect().get().withPath(EVENTS + "?resourceVersion=0")
                .andReturn(200, list("10", scheduled, scaled, unrelated, daemonPod)).once();
        // The first watch delivers one Event, then the connection drops.
        server.expect().withPath(watchFrom("10")).andUpgradeToWebSocket().open()
                .waitFor(100).andEmit(new WatchEvent(pulled, "ADDED"))
                .done().once();
        // The reconnected watch delivers an update, then the server says the version is too old.
        server.expect().withPath(watchFrom("11")).andUpgradeToWebSocket().open()
                .waitFor(100).andEmit(new WatchEvent(scaledAgain, "MODIFIED"))
                .waitFor(100).andEmit(new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                        .withMessage("too old resource version: 11 (13)").build(), "ERROR"))
                .done().once();
        // The relist (a consistent read: no resourceVersion) shows everything again, plus an Event created
        // while no watch was open.
        server.expect().get().withPath(EVENTS)
                .andReturn(200, list("13", scheduled, scaledAgain, unrelated, daemonPod, pulled, backOff)).once();
        server.expect().withPath(watchFrom("13")).andUpgradeToWebSocket().open()
                .waitFor(100).andEmit(new WatchEvent(backOffAgain, "MODIFIED"))
                .done().always();
        // The pod named like a stable pod of "web" belongs to a DaemonSet.
        server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-agent-q7x2k")
                .andReturn(200, new PodBuilder().withNewMetadata().withName("web-agent-q7x2k").withNamespace("shop")
                        .addNewOwnerReference().withKind("DaemonSet").withName("web-agent").withController(true)
                        .endOwnerReference().endMetadata().build()).always();

        List<EventRecord> delivered = new CopyOnWriteArrayList<>();
        try (EventFeed feed = EventFeed.open(new ClusterCache(client), client, "shop", "web", delivered::add)) {
            Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(versions(delivered))
                    .containsExactlyInAnyOrder("e1@10", "e2@10", "e3@11", "e2@12", "e4@13", "e4@14"));
            // Nothing more arrives later (a duplicate from a late relist would).
            awaitQuiet(delivered);
            assertThat(versions(delivered)).doesNotHaveDuplicates().hasSize(6);
        }
        List<String> paths = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            paths.add(r.getPath());
        }
        assertThat(paths).as("the feed relisted after the expiry").contains(EVENTS);
        EventRecord last = delivered.stream().filter(e -> e.uid().equals("e4")).reduce((a, b) -> b).orElseThrow();
        assertThat(last.count()).isEqualTo(2);
        assertThat(last.object().toString()).isEqualTo("Pod/web-canary-7d9f8c6b5-abc12");
    }

    private static void awaitQuiet(List<EventRecord> delivered) throws InterruptedException {
        int size;
        do {
            size = delivered.size();
            Thread.sleep(500);
        } while (delivered.size() != size);
    }

    private static List<String> versions(List<EventRecord> records) {
        return records.stream().map(e -> e.uid() + "@" + e.resourceVersion()).toList();
    }

    private static String watchFrom(String version) {
        return EVENTS + "?allowWatchBookmarks=true&resourceVersion=" + version + "&timeoutSeconds=600&watch=true";
    }

    private static io.fabric8.kubernetes.api.model.EventList list(String version, Event... events) {
        return new EventListBuilder().withNewMetadata().withResourceVersion(version).endMetadata()
                .withItems(events).build();
    }

    static Event event(String uid, String version, String kind, String name, String reason, int count) {
        return new EventBuilder()
                .withNewMetadata().withNamespace("shop").withName(name + "." + uid).withUid(uid)
                .withResourceVersion(version).endMetadata()
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace("shop").endInvolvedObject()
                .withType(reason.equals("BackOff") ? "Warning" : "Normal").withReason(reason)
                .withMessage(reason + " " + name).withCount(count)
                .withFirstTimestamp("2026-01-01T10:00:00Z").withLastTimestamp("2026-01-01T10:00:0" + count + "Z")
                .withNewSource().withComponent("kubelet").withHost("node-1").endSource()
                .build();
    }
}
