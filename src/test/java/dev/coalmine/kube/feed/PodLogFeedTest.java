package dev.coalmine.kube.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.PodSelection;
import dev.coalmine.core.feed.ReleaseObjectNames;
import dev.coalmine.core.judge.Track;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseNames;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodLogFeedTest {
    private static final String A = "web-canary-7d9f8c6b5-aaaaa";
    private static final String B = "web-canary-7d9f8c6b5-bbbbb";
    private static final String BASELINE = "web-baseline-6c5b4d3f2-ccccc";
    private static final String PENDING = "web-canary-7d9f8c6b5-ddddd";
    private static final String REPLACEMENT = "web-canary-7d9f8c6b5-eeeee";
    private static final PodLogFeed.Options FAST = new PodLogFeed.Options(100, Duration.ofMillis(50),
            Duration.ofMillis(200), 20);

    private final LogServingDispatcher dispatcher = new LogServingDispatcher();
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), dispatcher, false);
    private final KubernetesClient client;
    private final ClusterCache cache;
    private Instant clock = Instant.parse("2026-01-01T10:00:00Z");

    PodLogFeedTest() {
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
    void followsEveryPodOfATrackWithKubectlPrefixesAcrossReplacements() throws Exception {
        create(pod(A, "Running"));
        create(pod(B, "Running"));
        create(pod(BASELINE, "Running"));
        create(pod(PENDING, "Pending"));
        for (int i = 0; i < 150; i++) {
            log(A, "GET /checkout 200 " + i);
        }
        log(B, "started");
        log(BASELINE, "not a canary");

        List<LogLine> lines = new CopyOnWriteArrayList<>();
        PodLogFeed feed = PodLogFeed.open(cache, client, "shop", new PodSelection.TrackPods("web", Track.CANARY),
                lines::add, FAST);
        try (feed) {
            Eventually.assertThat(() -> assertThat(texts(lines, A)).hasSize(100).startsWith("GET /checkout 200 50"));
            Eventually.assertThat(() -> assertThat(texts(lines, B)).containsExactly("started"));
            assertThat(feed.followed()).containsExactly(A + "/app", B + "/app");
            assertThat(lines.get(lines.size() - 1).prefixed()).matches("\\[pod/web-canary-7d9f8c6b5-(aaaaa|bbbbb)/app] .*");

            log(A, "GET /checkout 500 boom");
            Eventually.assertThat(() -> assertThat(texts(lines, A)).last().isEqualTo("GET /checkout 500 boom"));

            // The Deployment replaces B: its stream ends, the new pod's starts, the pending pod starts running.
            client.pods().inNamespace("shop").withName(B).delete();
            create(pod(REPLACEMENT, "Running"));
            log(REPLACEMENT, "replacement ready");
            update(pod(PENDING, "Running"));
            log(PENDING, "finally running");
            Eventually.assertThat(() -> assertThat(feed.followed())
                    .containsExactly(A + "/app", PENDING + "/app", REPLACEMENT + "/app"));
            Eventually.assertThat(() -> {
                assertThat(texts(lines, REPLACEMENT)).containsExactly("replacement ready");
                assertThat(texts(lines, PENDING)).containsExactly("finally running");
            });
            long requestsOfB = dispatcher.requestedPods().stream().filter(B::equals).count();
            log(A, "GET /checkout 200 last");
            Eventually.assertThat(() -> assertThat(texts(lines, A)).last().isEqualTo("GET /checkout 200 last"));
            assertThat(dispatcher.requestedPods().stream().filter(B::equals).count())
                    .as("the deleted pod's log is no longer followed").isEqualTo(requestsOfB);
        }
        assertThat(lines).extracting(LogLine::pod).doesNotContain(BASELINE);
        assertThat(lines).extracting(l -> l.pod() + " " + l.text()).as("no line twice despite re-reading")
                .doesNotHaveDuplicates();
        int closedAt = lines.size();
        log(A, "after close");
        Thread.sleep(500);
        assertThat(lines).as("nothing after close").hasSize(closedAt);
        assertThat(feed.readersStopped()).as("this feed's log readers have ended").isTrue();
    }

    @Test
    void withoutTimestampsOnePodsLogIsReadOncePerContainerInstance() throws Exception {
        dispatcher.withoutTimestamps();
        create(pod(A, "Running"));
        log(A, "first instance");
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        try (PodLogFeed feed = PodLogFeed.open(cache, client, "shop", new PodSelection.OnePod(A), lines::add,
                FAST)) {
            Eventually.assertThat(() -> assertThat(texts(lines, A)).containsExactly("first instance"));
            int requests = dispatcher.requestedPods().size();
            Thread.sleep(300);
            assertThat(dispatcher.requestedPods()).as("no polling that would repeat lines").hasSize(requests);

            Pod restarted = pod(A, "Running");
            restarted.getStatus().getContainerStatuses().get(0).setRestartCount(1);
            log(A, "second instance");
            update(restarted);
            Eventually.assertThat(() -> assertThat(texts(lines, A)).last().isEqualTo("second instance"));
        }
        assertThat(lines.get(0).time()).isNull();
        assertThat(lines.get(0).prefixed()).isEqualTo("[pod/" + A + "/app] first instance");
    }

    @Test
    void aLogTheOperatorMayNotReadIsSaidOnceAndFollowedOnceThePermissionComes() {
        create(pod(A, "Running"));
        log(A, "hidden line");
        dispatcher.forbid(A, true);
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        try (PodLogFeed feed = PodLogFeed.open(cache, client, "shop", new PodSelection.TrackPods("web", Track.CANARY),
                lines::add, FAST)) {
            Eventually.assertThat(() -> assertThat(dispatcher.requestedPods().stream().filter(A::equals).count())
                    .as("asked again, with back-off").isGreaterThanOrEqualTo(3));
            assertThat(texts(lines, A)).containsExactly("cannot follow this container's log: pods \"" + A + "\" is "
                    + "forbidden: User \"ana\" cannot get resource \"pods/log\" in API group \"\" in the namespace "
                    + "\"shop\" (403 Forbidden)");

            dispatcher.forbid(A, false);
            Eventually.assertThat(() -> assertThat(texts(lines, A)).last().isEqualTo("hidden line"));
        }
    }

    @Test
    void oneFeedFollowsTheCanaryAndBaselineOfARelease() {
        create(pod(A, "Running"));
        create(pod(BASELINE, "Running"));
        log(A, "canary line");
        log(BASELINE, "baseline line");
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        try (PodLogFeed feed = PodLogFeed.open(cache, client, "shop",
                new PodSelection.TrackPods("web", Set.of(Track.CANARY, Track.BASELINE)), lines::add, FAST)) {
            Eventually.assertThat(() -> {
                assertThat(texts(lines, A)).containsExactly("canary line");
                assertThat(texts(lines, BASELINE)).containsExactly("baseline line");
            });
            assertThat(feed.followed()).containsExactly(BASELINE + "/app", A + "/app");
        }
        assertThat(cache.running()).as("the pods' informer stops with its only user").isZero();
    }

    private void log(String pod, String text) {
        clock = clock.plusMillis(7);
        dispatcher.log(pod, "app", clock, text);
    }

    /**
     * Creates {@code pod}. fabric8 sends a request again when its connection closes before the answer: a create the
     * server had already made then comes back 409 (seen once in CI), and the pod is there all the same.
     */
    private void create(Pod pod) {
        try {
            client.pods().inNamespace("shop").resource(pod).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 || client.pods().inNamespace("shop").withName(pod.getMetadata().getName()).get() == null) {
                throw e;
            }
        }
    }

    private void update(Pod pod) {
        Pod live = client.pods().inNamespace("shop").withName(pod.getMetadata().getName()).get();
        live.setStatus(pod.getStatus());
        client.pods().inNamespace("shop").resource(live).updateStatus();
    }

    private static Pod pod(String name, String phase) {
        String track = new ReleaseObjectNames("web").trackOfPod(name).orElseThrow().label();
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("shop")
                .addToLabels(ReleaseNames.TRACK, track).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:2").endContainer().endSpec();
        var status = b.withNewStatus().withPhase(phase).addNewContainerStatus().withName("app").withRestartCount(0);
        var state = status.withNewState();
        var withState = phase.equals("Running") ? state.withNewRunning().endRunning()
                : state.withNewWaiting().withReason("ContainerCreating").endWaiting();
        return withState.endState().endContainerStatus().endStatus().build();
    }

    private static List<String> texts(List<LogLine> lines, String pod) {
        return lines.stream().filter(l -> l.pod().equals(pod)).map(LogLine::text).toList();
    }
}
