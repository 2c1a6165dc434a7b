package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.demo.server.WatchSafeCrudDispatcher;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.overview.ReleasesOverviewViewModel;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The releases overview's reader on an API server whose RBAC lets this user list ConfigMaps and Leases only per
 * namespace: across all namespaces it is refused with a clear line, nothing keeps running, and the overview offers
 * the namespace shown instead, where it lists the unfinished releases (a finished one is history, not progress).
 */
class ReleasesInProgressTest {
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new NamespacedOnly(), false);
    private final KubernetesClient client;
    private final ClusterCache cache;
    private final ReleaseService service;

    ReleasesInProgressTest() {
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        cache = new ClusterCache(client);
        service = new ReleaseService(client, cache, ReleaseSettings.defaults("console"), PrometheusAuth.none(),
                MetricSources.standard());
        ReleaseStore store = new ReleaseStore(client, new ReleaseStateCodec());
        record(store, "shop", "web", false);
        record(store, "shop", "api", true);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void acrossAllNamespacesAForbiddenListSaysSoAndLeavesNothingRunning() {
        assertThatThrownBy(() -> service.releasesInProgress(ClusterCache.ALL_NAMESPACES, rows -> { }))
                .isInstanceOf(ListingForbiddenException.class)
                .hasMessage("You may not list release states in all namespaces (403 Forbidden)");
        assertThat(cache.running()).isZero();
    }

    @Test
    void inOneNamespaceItListsTheUnfinishedReleases() throws Exception {
        AtomicReference<List<InProgressRelease>> seen = new AtomicReference<>();
        try (ReleasesInProgress releases = service.releasesInProgress("shop", seen::set)) {
            Eventually.assertThat(() -> assertThat(seen.get()).singleElement().satisfies(r -> {
                assertThat(r.namespace() + "/" + r.deployment()).isEqualTo("shop/web");
                assertThat(r.release().number()).isEqualTo(1);
                assertThat(r.driver()).as("nobody holds the Lease").isNull();
            }));
        }
        assertThat(cache.running()).isZero();
    }

    @Test
    void theOverviewOffersTheShownNamespaceWhenAllAreForbidden() {
        ReleasesOverviewViewModel overview = new ReleasesOverviewViewModel(service::releasesInProgress, "shop",
                Runnable::run, Runnable::run);
        overview.open();
        assertThat(overview.noticeProperty().get()).startsWith(
                "You may not list release states in all namespaces (403 Forbidden). Ask for a ClusterRole");
        assertThat(overview.offeredNamespaceProperty().get()).isEqualTo("shop");

        overview.showCurrentNamespace();

        Eventually.assertThat(() -> assertThat(overview.releases()).extracting(InProgressRelease::deployment)
                .containsExactly("web"));
        assertThat(overview.scopeProperty().get()).isEqualTo("in namespace shop");
        assertThat(overview.offeredNamespaceProperty().get()).isEmpty();
        overview.close();
    }

    private void record(ReleaseStore store, String namespace, String name, boolean finished) {
        client.apps().deployments().inNamespace(namespace).resource(Deployments.of(namespace, name, 3, name + ":1")).create();
        Instant now = Instant.now();
        ReleasePlan plan = ReleasePlan.ofImages(namespace, name, List.of(ImageChange.parse(name + ":2")),
                CanarySize.count(1), true);
        ReleaseState started = ReleaseState.start(1, plan, 1, "{}", List.of("planned"), now);
        ReleaseState release = finished ? new ReleaseState(1, plan, 1, new ReleasePhase.Rejected(), now,
                Decision.reject("alice", now), started.log(), now, now, "{}") : started;
        store.update(namespace, name, h -> h.begin(release));
    }

    /** Refuses reads of ConfigMaps and Leases across all namespaces, as RBAC with only namespaced Roles would. */
    private static final class NamespacedOnly extends WatchSafeCrudDispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (path.startsWith("/api/v1/configmaps") || path.startsWith("/apis/coordination.k8s.io/v1/leases")) {
                String status = Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(403)
                        .withReason("Forbidden").withMessage("configmaps is forbidden: cannot list resource "
                                + "\"configmaps\" at the cluster scope").build());
                return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                        .setBody(status);
            }
            return super.dispatch(request);
        }
    }
}
