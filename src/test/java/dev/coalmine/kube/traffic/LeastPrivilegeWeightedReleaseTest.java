package dev.coalmine.kube.traffic;

import static dev.coalmine.kube.traffic.RoutedShop.APP;
import static dev.coalmine.kube.traffic.RoutedShop.NS;
import static dev.coalmine.kube.traffic.RoutedShop.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.PreflightPermissions;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.AgentClient;
import dev.coalmine.testing.DenyAllBut;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A weighted release through each router needs no permission beyond those its preflight asks for: every other verb on
 * the resources a release could touch is refused by the demo's RBAC rules, and the release steps its weights and is
 * promoted to Succeeded.
 */
class LeastPrivilegeWeightedReleaseTest {
    private final RoutedShop shop = new RoutedShop();
    private final KubernetesClient operator = AgentClient.of(shop.demo.clientConfig(), "operator");

    @AfterEach
    void close() {
        operator.close();
        shop.close();
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void aWeightedReleaseWithOnlyThePermissionsItsPreflightAsksForIsPromoted(TrafficProvider provider) {
        DenyAllBut.apply(shop.client, NS, PreflightPermissions.neededFor(false, provider));
        ReleaseService service = new ReleaseService(operator, new ClusterCache(operator), ReleaseSettings
                .defaults("least-privilege").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)),
                PrometheusAuth.none(), App.demoAddOn().detect(shop.client).metricSources());

        service.start(RoutedShop.manual(provider, List.of(10, 30)), false);
        ReleaseState waiting = service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(waiting.phase()).as(() -> lines(waiting)).isEqualTo(new ReleasePhase.AwaitingJudgment());
        service.promote(NS, APP, "ana");
        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).as(() -> lines(done)).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(shop.coalmineRoutingObjects()).isEmpty();
    }

    private static String lines(ReleaseState state) {
        return state.log().stream().map(StepLogEntry::message).collect(Collectors.joining("\n"));
    }
}
