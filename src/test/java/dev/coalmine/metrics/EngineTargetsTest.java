package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.flagger.CanaryPodLabel;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which pods an engine's tracks are and the PromQL that reads them: an Argo Rollout's by
 * {@code rollouts-pod-template-hash} (both tracks are the Rollout's pods), a Flagger Canary's by the {@code app} of
 * {@code X-primary} and {@code X}; neither has a baseline. A Coalmine release's queries stay as they were.
 */
class EngineTargetsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void aRolloutsTracksAreItsStableAndCurrentPodHashes() {
        MetricTarget target = EngineTargets.ofRollout(rollout("7c9d6f", "5b8f4d"), INTERVAL);

        assertThat(target.tracks()).containsOnlyKeys(Track.STABLE, Track.CANARY);
        assertThat(target.selection(Track.STABLE).orElseThrow())
                .isEqualTo(new TrackSelection("checkout", Map.of("rollouts-pod-template-hash", "5b8f4d")));
        assertThat(target.selection(Track.CANARY).orElseThrow())
                .isEqualTo(new TrackSelection("checkout", Map.of("rollouts-pod-template-hash", "7c9d6f")));
        assertThat(successRate(QueryPreset.DEMO, target, Track.CANARY)).isEqualTo(
                "sum(rate(http_requests_total{namespace=\"shop-engines\",rollouts_pod_template_hash=\"7c9d6f\","
                        + "code!~\"5..\"}[30s])) / sum(rate(http_requests_total{namespace=\"shop-engines\","
                        + "rollouts_pod_template_hash=\"7c9d6f\"}[30s])) * 100");
        assertThat(successRate(QueryPreset.ISTIO, target, Track.STABLE)).startsWith(
                "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"shop-engines\","
                        + "rollouts_pod_template_hash=\"5b8f4d\",response_code!~\"5.*\"}[30s]))");
    }

    @Test
    void aRolloutWithoutAnUpdateHasOnlyAStableTrack() {
        assertThat(EngineTargets.ofRollout(rollout("5b8f4d", "5b8f4d"), INTERVAL).tracks()).containsOnlyKeys(Track.STABLE);
        assertThat(EngineTargets.ofRollout(rollout("", ""), INTERVAL).tracks()).isEmpty();
    }

    @Test
    void aCanarysTracksAreThePrimaryAndTheTargetByFlaggersLabel() {
        CanaryPodLabel label = CanaryPodLabel.of(Map.of("app.kubernetes.io/name", "search")).orElseThrow();
        MetricTarget target = EngineTargets.ofCanary(canary(), label, INTERVAL);

        assertThat(target.tracks()).containsOnlyKeys(Track.STABLE, Track.CANARY);
        assertThat(target.selection(Track.STABLE).orElseThrow())
                .isEqualTo(new TrackSelection("search-primary", Map.of("app.kubernetes.io/name", "search-primary")));
        assertThat(target.selection(Track.CANARY).orElseThrow())
                .isEqualTo(new TrackSelection("search", Map.of("app.kubernetes.io/name", "search")));
        assertThat(QueryPreset.LINKERD.byPodLabels(QueryPreset.LINKERD.requestCount()).render(target, Track.STABLE))
                .isEqualTo("sum(increase(response_total{namespace=\"shop-engines\",direction=\"inbound\","
                        + "app_kubernetes_io_name=\"search-primary\"}[30s]))");
        // NGINX's series carry no pod labels: its queries stay by Service, the workload's name.
        assertThat(successRate(QueryPreset.NGINX, target, Track.CANARY)).contains("service=\"search\"");
    }

    @Test
    void aCoalmineReleasesQueriesAreAsBefore() {
        MetricTarget release = new MetricTarget("shop", "web", INTERVAL);

        assertThat(release.byPodLabels()).isFalse();
        assertThat(release.tracks()).containsOnlyKeys(Track.STABLE, Track.BASELINE, Track.CANARY);
        assertThat(QueryPreset.DEMO.queries().get(0).render(release, Track.BASELINE)).isEqualTo(
                "sum(rate(http_requests_total{namespace=\"shop\",deployment=~\"web(-canary|-baseline)?\","
                        + "track=\"baseline\",code!~\"5..\"}[30s])) / sum(rate(http_requests_total{namespace=\"shop\","
                        + "deployment=~\"web(-canary|-baseline)?\",track=\"baseline\"}[30s])) * 100");
        assertThat(QueryPreset.ISTIO.queries().get(0).render(release, Track.CANARY))
                .contains("destination_workload=\"web-canary\"");
    }

    private static String successRate(QueryPreset preset, MetricTarget target, Track track) {
        MetricQuery query = preset.queries().stream().filter(q -> q.spec().name().equals(MetricSpec.SUCCESS_RATE))
                .findFirst().orElseThrow();
        return preset.byPodLabels(query).render(target, track);
    }

    private static ArgoRollout rollout(String currentPodHash, String stableRS) {
        return new ArgoRollout("shop-engines", "checkout", "Paused", "", true, List.of(), 1, List.of(), false, false,
                false, currentPodHash, stableRS, null, new ArgoRollout.Replicas(4, 5, 1, 5, 5), null, List.of(),
                "checkout");
    }

    private static FlaggerCanary canary() {
        return new FlaggerCanary("shop-engines", "search", "Deployment", "search", "Progressing", 10, 0, 0,
                new FlaggerCanary.Analysis("30s", 3, 50, 10, List.of(), 0), List.of(), List.of(), "");
    }
}
