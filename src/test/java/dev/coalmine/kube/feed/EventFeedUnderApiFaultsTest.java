package dev.coalmine.kube.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.server.ApiFault;
import dev.coalmine.demo.server.FaultSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The event feed on the demo cluster while every watch it opens expires at once (410 Gone): it keeps relisting
 * instead of failing, and once a watch holds, every Event version created or bumped meanwhile has arrived exactly
 * once, and live Events follow.
 */
class EventFeedUnderApiFaultsTest {
    private static final String NS = "default";

    @Test
    void expiringWatchesRelistWithoutLosingOrDuplicatingEvents() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty()
                .withFaults(new FaultSettings(100, 17).only(ApiFault.WATCH_EXPIRED)));
             KubernetesClient faulty = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(cluster.kubeconfig())).build()) {
            KubernetesClient own = cluster.client();
            List<String> created = new ArrayList<>();
            created.add(create(own, "before"));
            List<EventRecord> delivered = new CopyOnWriteArrayList<>();
            CompletableFuture<EventFeed> opening = CompletableFuture.supplyAsync(
                    () -> EventFeed.open(new ClusterCache(faulty), faulty, NS, "web", delivered::add));
            for (int i = 0; i < 10; i++) {
                created.add(create(own, "churn-" + i));
                if (i % 3 == 0) {
                    created.add(bump(own, "before"));
                }
                Thread.sleep(300);
            }
            assertThat(cluster.faults().count(ApiFault.WATCH_EXPIRED)).as("watches expired while Events were written")
                    .isGreaterThanOrEqualTo(2);
            setRate(own, "0");
            try (EventFeed feed = opening.get(60, TimeUnit.SECONDS)) {
                for (int i = 0; i < 5; i++) {
                    created.add(create(own, "live-" + i));
                }
                // A relist shows each Event as it is now: versions bumped while no watch was open are not seen, as
                // with kubectl get -w; each Event's latest version is.
                Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(versions(delivered))
                        .containsAll(latest(created)));
                Thread.sleep(1_000); // a late relist would deliver duplicates now
                assertThat(versions(delivered)).doesNotHaveDuplicates().isSubsetOf(created);
            }
        }
    }

    private static Collection<String> latest(List<String> versions) {
        Map<String, String> byUid = new LinkedHashMap<>();
        versions.forEach(v -> byUid.put(v.substring(0, v.indexOf('@')), v));
        return byUid.values();
    }

    private static List<String> versions(List<EventRecord> records) {
        return records.stream().map(e -> e.uid() + "@" + e.resourceVersion()).toList();
    }

    private static String create(KubernetesClient client, String name) {
        Event created = client.v1().events().inNamespace(NS).resource(new EventBuilder()
                .withNewMetadata().withName("web." + name).withNamespace(NS).endMetadata()
                .withNewInvolvedObject().withKind("Deployment").withName("web").withNamespace(NS).endInvolvedObject()
                .withType("Normal").withReason("ScalingReplicaSet").withMessage(name).withCount(1)
                .withFirstTimestamp("2026-01-01T10:00:00Z").withLastTimestamp("2026-01-01T10:00:00Z")
                .build()).create();
        return created.getMetadata().getUid() + "@" + created.getMetadata().getResourceVersion();
    }

    private static String bump(KubernetesClient client, String name) {
        Event event = client.v1().events().inNamespace(NS).withName("web." + name).get();
        event.setCount(event.getCount() + 1);
        Event updated = client.v1().events().inNamespace(NS).resource(event).update();
        return updated.getMetadata().getUid() + "@" + updated.getMetadata().getResourceVersion();
    }

    private static void setRate(KubernetesClient client, String percent) {
        client.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("coalmine-demo").withNamespace("coalmine-demo").endMetadata()
                .withData(Map.of(FaultSettings.KNOB, percent)).build()).createOr(existing -> existing.update());
    }
}
