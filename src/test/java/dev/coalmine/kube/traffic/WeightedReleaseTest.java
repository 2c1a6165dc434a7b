package dev.coalmine.kube.traffic;

import static dev.coalmine.kube.traffic.RoutedShop.APP;
import static dev.coalmine.kube.traffic.RoutedShop.NS;
import static dev.coalmine.kube.traffic.RoutedShop.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Weighted releases through each router on the demo cluster: the steps, a rollback, promotion and a kill. */
class WeightedReleaseTest {
    private static final Predicate<ReleaseState> AT_GATE = s -> s.trafficIfAny().filter(TrafficState::atGate).isPresent();
    private final RoutedShop shop = new RoutedShop();

    @AfterEach
    void close() {
        shop.close();
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void theWeightsMoveThroughTheStepsAndPromotionLeavesOnlyTheOperatorsObjectsAsTheyWere(TrafficProvider provider) {
        GenericKubernetesResource before = shop.operatorsObject(provider);
        ReleaseService service = shop.service("steps", ReleaseSettings.ActionHook.NONE);
        List<String> carried = Collections.synchronizedList(new ArrayList<>());
        service.start(RoutedShop.manual(provider, List.of(10, 20, 30)), false);

        ReleaseState atGate = service.drive(NS, APP, AT_GATE, WAIT, s -> s.trafficIfAny().filter(TrafficState::started)
                .ifPresent(t -> carried.add(t.weight() + "=" + shop.canaryWeight(provider))));
        assertThat(carried.stream().distinct()).as("recorded weight = weight the router carries")
                .containsExactly("10=10", "20=20", "30=30");
        assertThat(atGate.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());

        service.promote(NS, APP, "ana");
        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(shop.stableImage()).isEqualTo(RoutedShop.HEALTHY);
        assertThat(shop.coalmineRoutingObjects()).isEmpty();
        if (before != null) {
            assertThat(RoutedShop.spec(shop.operatorsObject(provider))).isEqualTo(RoutedShop.spec(before));
        }
        assertThat(messages(done)).containsSubsequence("stable is ready on the new version: routing 100 % of requests "
                + "to stable", "deleting " + APP + "-canary", "deleting the track Services");
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void aFaultyCanaryIsRolledBackAtItsFirstFailingStepWithAllRequestsBackOnStable(TrafficProvider provider) {
        GenericKubernetesResource before = shop.operatorsObject(provider);
        AtomicInteger weightWhenCanaryDeleted = new AtomicInteger(-2);
        ReleaseService service = shop.service("faulty", (action, state) -> {
            if (action instanceof ReleaseAction.DeleteCanary) {
                weightWhenCanaryDeleted.compareAndSet(-2, shop.canaryWeight(provider));
            }
        });
        List<Integer> weights = Collections.synchronizedList(new ArrayList<>());
        service.start(RoutedShop.automatic(provider, RoutedShop.FAULTY, List.of(10, 20, 30),
                java.time.Duration.ofSeconds(2), 1), false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> s.trafficIfAny().ifPresent(t ->
                weights.add(t.weight())));

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Rejected());
        assertThat(weights).as("never past the first step").allMatch(w -> w <= 10).contains(10);
        assertThat(weightWhenCanaryDeleted.get()).as("100 % on stable before the canary goes").isZero();
        assertThat(shop.coalmineRoutingObjects()).isEmpty();
        if (before != null) {
            assertThat(RoutedShop.spec(shop.operatorsObject(provider))).isEqualTo(RoutedShop.spec(before));
        }
        assertThat(messages(done)).containsSubsequence("wrapping up: routing 100 % of requests to stable",
                "deleting " + APP + "-canary", "deleting the track Services");
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void aFailedReleaseLeavesOnlyTheOperatorsObjectsAsTheyWere(TrafficProvider provider) {
        GenericKubernetesResource before = shop.operatorsObject(provider);
        ReleaseService service = shop.service("failing", ReleaseSettings.ActionHook.NONE);
        service.start(RoutedShop.manual(provider, "registry.example.com/shop/frontend:does-not-exist", List.of(10, 20)),
                false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(shop.coalmineRoutingObjects()).isEmpty();
        if (before != null) {
            assertThat(RoutedShop.spec(shop.operatorsObject(provider))).isEqualTo(RoutedShop.spec(before));
        }
        assertThat(shop.stableImage()).as("stable untouched").isNotEqualTo(RoutedShop.HEALTHY);
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void aDriverKilledAfterRecordingAStepIsContinuedAtThatStep(TrafficProvider provider) {
        AtomicBoolean killed = new AtomicBoolean();
        ReleaseService first = shop.service("first", (action, state) -> {
            if (action instanceof ReleaseAction.SetWeights && state.traffic().step() == 1 && killed.compareAndSet(false, true)) {
                throw new ProcessKilled();
            }
        });
        first.start(RoutedShop.manual(provider, List.of(10, 20, 30)), false);
        assertThatThrownBy(() -> first.drive(NS, APP, AT_GATE, WAIT, s -> { })).isInstanceOf(ProcessKilled.class);
        ReleaseState stored = first.history(NS, APP).get(0);
        assertThat(stored.traffic().step()).isEqualTo(1);
        assertThat(stored.traffic().weight()).isEqualTo(20);
        assertThat(shop.canaryWeight(provider)).as("killed before the router changed").isEqualTo(10);

        List<String> performed = Collections.synchronizedList(new ArrayList<>());
        ReleaseService second = shop.service("second", (action, state) -> performed.add(
                action.getClass().getSimpleName() + "@" + state.traffic().weight()));
        ReleaseState atGate = second.drive(NS, APP, AT_GATE, WAIT, s -> { });

        assertThat(performed).as("the recorded step first, then on up the ladder")
                .containsExactly("SetWeights@20", "SetWeights@30");
        assertThat(atGate.traffic().step()).isEqualTo(2);
        assertThat(shop.canaryWeight(provider)).isEqualTo(30);
    }

    private static List<String> messages(ReleaseState state) {
        return state.log().stream().map(StepLogEntry::message).toList();
    }

    /** Stands for the process dying between saving a step and applying it. */
    private static final class ProcessKilled extends RuntimeException {
        ProcessKilled() {
            super("killed", null, false, false);
        }
    }
}
