package dev.coalmine.kube.argo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.server.RequestCounter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's Argo commands reach the demo API server as the same requests {@code kubectl argo rollouts} sends
 * (argo-rollouts pkg/kubectl-argo-rollouts/cmd/promote/promote.go getPatches and PromoteRollout, cmd/abort/abort.go
 * AbortRollout, cmd/retry/retry.go RetryRollout, cmd/restart/restart.go RestartRollout): JSON merge patches, the
 * status ones to the status subresource.
 */
class RolloutActionsTest {
    private static final String NS = "default";
    private static final String PATH = "/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/checkout";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty());
    private final RolloutActions actions = new RolloutActions(cluster.client(),
            Clock.fixed(Instant.parse("2026-12-06T06:30:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void promoteAtAPauseClearsThePauseConditionsThroughTheStatusSubresource() throws Exception {
        ArgoObjects.create(cluster.client(), NS, ArgoObjects.PAUSED_AT_STEP_1);
        int before = cluster.requests().patches().size();

        actions.apply(NS, "checkout", actions.plan(NS, "checkout", RolloutCommand.PROMOTE));

        List<RequestCounter.Patch> sent = cluster.requests().patches().subList(before, cluster.requests().patches().size());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).uri()).isEqualTo(PATH + "/status");
        assertThat(sent.get(0).contentType()).startsWith("application/merge-patch+json");
        // promote.go: clearPauseConditionsPatch = {"status":{"pauseConditions":null}}
        assertThat(JSON.readTree(sent.get(0).body())).isEqualTo(JSON.readTree("{\"status\":{\"pauseConditions\":null}}"));
        ArgoRollout after = actions.read(NS, "checkout");
        assertThat(after.pauseConditions()).isEmpty();
        assertThat(after.currentStepIndex()).isEqualTo(1);
    }

    @Test
    void promoteFullAbortRetryAndRestartSendThePluginsPatches() throws Exception {
        ArgoObjects.create(cluster.client(), NS, ArgoObjects.PAUSED_AT_STEP_1);
        int before = cluster.requests().patches().size();

        for (RolloutCommand command : List.of(RolloutCommand.PROMOTE_FULL, RolloutCommand.ABORT, RolloutCommand.RETRY,
                RolloutCommand.RESTART)) {
            actions.apply(NS, "checkout", actions.plan(NS, "checkout", command));
        }

        List<RequestCounter.Patch> sent = cluster.requests().patches().subList(before, cluster.requests().patches().size());
        assertThat(sent).extracting(RequestCounter.Patch::uri)
                .containsExactly(PATH + "/status", PATH + "/status", PATH + "/status", PATH);
        // promote.go promoteFullPatch; abort.go abortPatch; retry.go retryRolloutPatch; restart.go restartPatch
        assertThat(sent.stream().map(p -> tree(p.body())).toList()).containsExactly(
                tree("{\"status\":{\"promoteFull\":true}}"), tree("{\"status\":{\"abort\":true}}"),
                tree("{\"status\":{\"abort\":false}}"), tree("{\"spec\":{\"restartAt\":\"2026-12-06T06:30:00Z\"}}"));
        ArgoRollout after = actions.read(NS, "checkout");
        assertThat(after.abort()).isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
