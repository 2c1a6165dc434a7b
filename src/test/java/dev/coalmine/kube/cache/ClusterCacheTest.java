package dev.coalmine.kube.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared informers against the CRUD mock API server, counting the LIST and WATCH requests it receives. */
class ClusterCacheTest {
    private final CountingDispatcher dispatcher = new CountingDispatcher("locked");
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), dispatcher, false);
    private final KubernetesClient client;
    private final ClusterCache cache;

    ClusterCacheTest() {
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        cache = new ClusterCache(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void aConsolesCacheKeepsAnUnusedInformerForAWhileSoOpeningOneReleaseAfterAnotherListsOnce() throws Exception {
        create(Deployments.of("shop", "web", 3, "shop:1"));
        ClusterCache console = ClusterCache.lingering(client, Duration.ofMillis(800));

        for (int i = 0; i < 5; i++) {
            try (CachedObjects<Deployment> view = console.open(CachedKind.DEPLOYMENTS, "shop")) {
                assertThat(view.get("web")).isNotNull();
                assertThat(console.inUse()).isEqualTo(1);
            }
            Thread.sleep(100);
        }
        assertThat(console.running()).as("unused for less than the linger").isEqualTo(1);
        assertThat(console.inUse()).as("lingering, not in use").isZero();
        assertThat(dispatcher.lists("shop")).as("one LIST for five views opened in turn").isEqualTo(1);

        Eventually.assertThat(() -> assertThat(console.running()).as("unused for longer than the linger").isZero());
        Eventually.assertThat(() -> assertThat(dispatcher.closedWatches()).as("its watch is closed").isEqualTo(1));

        try (CachedObjects<Deployment> view = console.open(CachedKind.DEPLOYMENTS, "shop")) {
            assertThat(view.get("web")).isNotNull();
        }
        console.close();
        assertThat(console.running()).as("closing stops the lingering informer").isZero();
        assertThat(console.lingerScheduled()).as("and the thread that would have stopped it").isFalse();
    }

    @Test
    void twoUsersOfAKindInANamespaceShareOneListAndOneWatchThatStopsWithTheLastUser() throws Exception {
        create(Deployments.of("shop", "web", 3, "shop:1"));

        CachedObjects<Deployment> first = cache.open(CachedKind.DEPLOYMENTS, "shop");
        CachedObjects<Deployment> second = cache.open(CachedKind.DEPLOYMENTS, "shop");
        assertThat(cache.running()).isEqualTo(1);
        assertThat(first.get("web")).isNotNull();
        assertThat(second.list()).extracting(d -> d.getMetadata().getName()).containsExactly("web");
        Eventually.assertThat(() -> assertThat(dispatcher.watches("shop")).isEqualTo(1));
        Thread.sleep(300);
        assertThat(dispatcher.lists("shop")).as("one LIST for both users").isEqualTo(1);
        assertThat(dispatcher.watches("shop")).as("one WATCH for both users").isEqualTo(1);

        create(Deployments.of("shop", "api", 1, "api:1"));
        Eventually.assertThat(() -> assertThat(first.get("api")).isNotNull());
        List<String> seenLate = new CopyOnWriteArrayList<>();
        second.listen(addedNames(seenLate));
        Eventually.assertThat(() -> assertThat(seenLate).as("a late listener first gets the cached objects")
                .containsExactlyInAnyOrder("web", "api"));

        first.close();
        assertThat(cache.running()).as("the second user keeps the informer").isEqualTo(1);
        create(Deployments.of("shop", "db", 1, "db:1"));
        Eventually.assertThat(() -> assertThat(seenLate).contains("db"));

        second.close();
        assertThat(cache.running()).isZero();
        Eventually.assertThat(() -> assertThat(dispatcher.closedWatches()).as("the watch is closed").isEqualTo(1));
        assertThat(second.isWatching()).isFalse();
        int seenAtClose = seenLate.size();
        create(Deployments.of("shop", "cache", 1, "cache:1"));
        Thread.sleep(300);
        assertThat(seenLate).as("nothing after close").hasSize(seenAtClose);
        assertThat(dispatcher.lists("shop")).isEqualTo(1);
    }

    @Test
    void everyPodKindIsPickedOutOfTheNamespacesOnePodInformer() throws Exception {
        createPod("web-1", Map.of("app", "web"));
        createPod("web-canary-1", Map.of("app", "web", "coalmine.dev/track", "canary"));
        createPod("shop-api-1", Map.of("app", "shop-api", "rollouts-pod-template-hash", "abc"));
        LabelSelector web = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web")).build();
        LabelSelector notCanary = new LabelSelectorBuilder().addNewMatchExpression().withKey("coalmine.dev/track")
                .withOperator("DoesNotExist").endMatchExpression().build();

        try (CachedObjects<Pod> track = cache.open(CachedKind.TRACK_PODS, "shop");
             CachedObjects<Pod> ofWeb = cache.open(CachedKind.podsSelectedBy(web), "shop");
             CachedObjects<Pod> untracked = cache.open(CachedKind.podsSelectedBy(notCanary), "shop");
             CachedObjects<Pod> rollout = cache.open(CachedKind.ROLLOUT_PODS, "shop")) {
            assertThat(cache.running()).as("one informer for every pod kind").isEqualTo(1);
            assertThat(dispatcher.lists("shop")).as("one LIST of pods").isEqualTo(1);
            Eventually.assertThat(() -> assertThat(dispatcher.watches("shop")).as("one WATCH of pods").isEqualTo(1));
            assertThat(names(track.list())).containsExactly("web-canary-1");
            assertThat(names(ofWeb.list())).containsExactlyInAnyOrder("web-1", "web-canary-1");
            assertThat(names(untracked.list())).containsExactlyInAnyOrder("web-1", "shop-api-1");
            assertThat(names(rollout.list())).containsExactly("shop-api-1");
            assertThat(track.get("web-1")).as("a pod of the collection that the kind does not select").isNull();
            assertThat(track.get("web-canary-1")).isNotNull();

            List<String> changes = new CopyOnWriteArrayList<>();
            track.listen(changes(changes));
            Eventually.assertThat(() -> assertThat(changes).containsExactly("add web-canary-1"));
            relabel("web-1", Map.of("app", "web", "coalmine.dev/track", "stable"));
            relabel("web-canary-1", Map.of("app", "web"));
            relabel("shop-api-1", Map.of("app", "shop-api", "tier", "api"));
            Eventually.assertThat(() -> assertThat(changes).as("a pod that starts or stops being selected")
                    .containsExactly("add web-canary-1", "add web-1", "delete web-canary-1"));
        }
        assertThat(cache.running()).isZero();
    }

    private void createPod(String name, Map<String, String> labels) {
        client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("shop").withLabels(labels).endMetadata().build()).create();
    }

    private void relabel(String pod, Map<String, String> labels) {
        client.pods().inNamespace("shop").withName(pod).edit(p -> {
            p.getMetadata().setLabels(labels);
            return p;
        });
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).toList();
    }

    private static ResourceEventHandler<Pod> changes(List<String> seen) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod p) {
                seen.add("add " + p.getMetadata().getName());
            }

            @Override
            public void onUpdate(Pod old, Pod p) {
                seen.add("update " + p.getMetadata().getName());
            }

            @Override
            public void onDelete(Pod p, boolean finalStateUnknown) {
                seen.add("delete " + p.getMetadata().getName());
            }
        };
    }

    @Test
    void aSecondNamespaceGetsItsOwnInformer() {
        create(Deployments.of("shop", "web", 3, "shop:1"));
        create(Deployments.of("other", "elsewhere", 1, "x:1"));

        try (CachedObjects<Deployment> shop = cache.open(CachedKind.DEPLOYMENTS, "shop");
             CachedObjects<Deployment> other = cache.open(CachedKind.DEPLOYMENTS, "other")) {
            assertThat(cache.running()).isEqualTo(2);
            assertThat(shop.list()).extracting(d -> d.getMetadata().getName()).containsExactly("web");
            assertThat(other.list()).extracting(d -> d.getMetadata().getName()).containsExactly("elsewhere");
            assertThat(dispatcher.lists("shop")).isEqualTo(1);
            assertThat(dispatcher.lists("other")).isEqualTo(1);
        }
        assertThat(cache.running()).isZero();
    }

    @Test
    void aForbiddenFirstListNamesKindAndNamespaceAndLeavesNothingRunning() throws Exception {
        assertThatThrownBy(() -> cache.open(CachedKind.DEPLOYMENTS, "locked"))
                .isInstanceOf(CoalmineException.class)
                .hasMessageStartingWith("Cannot watch Deployments in namespace locked: forbidden (403)");
        assertThat(cache.running()).isZero();
        int requests = dispatcher.requests("locked");
        Thread.sleep(1_000);
        assertThat(dispatcher.requests("locked")).as("the informer does not retry").isEqualTo(requests);
    }

    @Test
    void anUnreachableServerTimesOutWithTheSameMessageAndLeavesNothingRunning() throws IOException {
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + unusedPort()).withRequestRetryBackoffLimit(0).build()).build()) {
            ClusterCache impatient = new ClusterCache(unreachable, Duration.ofMillis(500));
            assertThatThrownBy(() -> impatient.open(CachedKind.EVENTS, "shop"))
                    .isInstanceOf(CoalmineException.class)
                    .hasMessageStartingWith("Cannot watch Events in namespace shop: ");
            assertThat(impatient.running()).isZero();
        }
    }

    private void create(Deployment d) {
        client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).create();
    }

    private static ResourceEventHandler<Deployment> addedNames(List<String> names) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment d) {
                names.add(d.getMetadata().getName());
            }

            @Override
            public void onUpdate(Deployment old, Deployment d) {
                // only adds matter here
            }

            @Override
            public void onDelete(Deployment d, boolean finalStateUnknown) {
                // only adds matter here
            }
        };
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
