package dev.coalmine.core.flagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which gate calls a Canary's webhooks allow (Flagger docs: webhooks.md, manual gating with the load tester). */
@FastTest
class CanaryGatesTest {
    static FlaggerCanary canary(List<Webhook> hooks) {
        return new FlaggerCanary("test", "podinfo", "Deployment", "podinfo", "Progressing", 20, 1, 2,
                new FlaggerCanary.Analysis("1m", 5, 50, 10, List.of(), 0), hooks, List.of(), "");
    }

    @Test
    void gateCheckAndRollbackCheckWebhooksGiveFourCallsOnTheLoadTester() {
        Steering s = CanaryGates.of(canary(List.of(
                new Webhook("confirm-promotion", "promotion gate", "http://flagger-loadtester.test/gate/check"),
                new Webhook("rollback", "rollback", "http://flagger-loadtester.test/rollback/check"))));
        assertThat(s).isInstanceOf(Steering.Steerable.class);
        List<GateAction> actions = ((Steering.Steerable) s).actions();
        assertThat(actions).extracting(GateAction::kind).containsExactly(GateAction.Kind.OPEN_GATE,
                GateAction.Kind.CLOSE_GATE, GateAction.Kind.OPEN_ROLLBACK, GateAction.Kind.CLOSE_ROLLBACK);
        GateAction open = actions.get(0);
        assertThat(open.service()).isEqualTo(new LoadTesterService("http", "test", "flagger-loadtester", 80));
        assertThat(open.service().proxyPath())
                .isEqualTo("api/v1/namespaces/test/services/http:flagger-loadtester:80/proxy");
        assertThat(open.body()).isEqualTo("{\"name\":\"podinfo\",\"namespace\":\"test\"}");
        assertThat(open.effect()).contains("confirm-promotion");
        assertThat(((Steering.Steerable) s).limits()).isEmpty();
    }

    @Test
    void aCanaryWithoutWebhooksCannotBeSteeredAndSaysWhy() {
        Steering s = CanaryGates.of(canary(List.of()));
        assertThat(s).isInstanceOf(Steering.NotSteerable.class);
        assertThat(((Steering.NotSteerable) s).why()).contains("cannot be steered", "metrics alone",
                "confirm-promotion", "/gate/check", "/rollback/check");
    }

    @Test
    void aFixedHaltGateCannotBeOpenedAndTheReasonNamesIt() {
        Steering s = CanaryGates.of(canary(List.of(
                new Webhook("confirm-promotion", "gate", "http://flagger-loadtester.test/gate/halt"))));
        assertThat(((Steering.NotSteerable) s).why()).contains("http://flagger-loadtester.test/gate/halt");
    }

    @Test
    void aShortHostIsInTheCanarysNamespaceAndAPortIsKept() {
        assertThat(LoadTesterService.locate("http://loadtester:8080/rollback/check", "shop")).hasValueSatisfying(l -> {
            assertThat(l.service()).isEqualTo(new LoadTesterService("http", "shop", "loadtester", 8080));
            assertThat(l.path()).isEqualTo("/rollback/check");
        });
    }
}
