package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which requests get which fault, and that a seed replays the same faults for the same requests. */
class FaultInjectorTest {
    private static final String LIST = "/api/v1/namespaces/default/configmaps";
    private static final String WATCH = "/apis/apps/v1/namespaces/default/deployments?watch=true";
    private static final String ONE = "/apis/apps/v1/namespaces/default/deployments/shop";

    private static List<Optional<ApiFault>> run(long seed, double percent) {
        FaultInjector injector = new FaultInjector(seed, EnumSet.allOf(ApiFault.class), () -> percent);
        List<Optional<ApiFault>> faults = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            faults.add(injector.draw("coalmine/1", "GET", LIST));
            faults.add(injector.draw("coalmine/1", "GET", WATCH));
            faults.add(injector.draw("coalmine/1", "PUT", ONE));
            faults.add(injector.draw("coalmine/1", "POST", LIST));
        }
        return faults;
    }

    @Test
    void theSameSeedAndRequestsGiveTheSameFaultsAndAnotherSeedOthers() {
        assertThat(run(42, 20)).isEqualTo(run(42, 20)).isNotEqualTo(run(43, 20));
    }

    @Test
    void theRateIsTheShareOfFaultedRequests() {
        long faulted = run(7, 20).stream().filter(Optional::isPresent).count();
        assertThat(faulted).isBetween(1200L * 15 / 100, 1200L * 25 / 100);
        assertThat(run(7, 0)).allMatch(Optional::isEmpty);
        assertThat(run(7, 100)).allMatch(Optional::isPresent);
    }

    @Test
    void eachFaultComesOnlyWhereARealServerWouldAnswerSo() {
        FaultInjector injector = new FaultInjector(1, EnumSet.allOf(ApiFault.class), () -> 100);
        List<ApiFault> onReads = new ArrayList<>();
        List<ApiFault> onWatches = new ArrayList<>();
        List<ApiFault> onUpdates = new ArrayList<>();
        List<ApiFault> onCreates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            onReads.add(injector.draw("kubectl/v1.32", "GET", LIST).orElseThrow());
            onWatches.add(injector.draw("kubectl/v1.32", "GET", WATCH).orElseThrow());
            onUpdates.add(injector.draw("kubectl/v1.32", "PUT", ONE).orElseThrow());
            onCreates.add(injector.draw("kubectl/v1.32", "POST", LIST).orElseThrow());
        }
        assertThat(onReads).containsOnly(ApiFault.SERVER_ERROR, ApiFault.TOO_MANY_REQUESTS,
                ApiFault.CONNECTION_RESET, ApiFault.DELAY);
        assertThat(onWatches).containsOnly(ApiFault.SERVER_ERROR, ApiFault.WATCH_EXPIRED,
                ApiFault.TOO_MANY_REQUESTS, ApiFault.CONNECTION_RESET, ApiFault.DELAY);
        assertThat(onUpdates).containsOnly(ApiFault.SERVER_ERROR, ApiFault.CONFLICT, ApiFault.TOO_MANY_REQUESTS,
                ApiFault.CONNECTION_RESET, ApiFault.DELAY);
        assertThat(injector.draw("kubectl/v1.32", "PATCH", ONE).orElseThrow()).isNotEqualTo(ApiFault.CONFLICT);
        assertThat(onCreates).doesNotContain(ApiFault.CONFLICT, ApiFault.WATCH_EXPIRED);
        assertThat(injector.log().total()).isEqualTo(801);
    }

    @Test
    void theDemoClustersOwnControllersAndNonApiPagesAreNeverFaulted() {
        FaultInjector injector = new FaultInjector(1, EnumSet.allOf(ApiFault.class), () -> 100);
        assertThat(injector.draw(FaultInjector.DEMO_AGENT + "/1", "PATCH", ONE)).isEmpty();
        assertThat(injector.draw("coalmine/1", "GET", "/metrics")).isEmpty();
        assertThat(injector.draw("coalmine/1", "GET", "/version")).isEmpty();
        assertThat(injector.log().total()).isZero();
    }

    @Test
    void onlyTheChosenKindsAndNeverWhereNoneFits() {
        FaultInjector injector = new FaultInjector(1, EnumSet.of(ApiFault.WATCH_EXPIRED), () -> 100);
        assertThat(injector.draw("coalmine/1", "GET", LIST)).isEmpty();
        assertThat(injector.draw("coalmine/1", "GET", WATCH)).contains(ApiFault.WATCH_EXPIRED);
    }
}
