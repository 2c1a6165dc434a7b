package dev.coalmine.kube.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RolloutFeedTest {
    private final CrudApiServer server = new CrudApiServer();
    private final KubernetesClient client = server.client();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsEachDeploymentsStatusLineOnceItChangesAndMergesSteps() throws Exception {
        create(Deployments.of("shop", "web", 3, "shop:1"));
        create(Deployments.of("shop", "web-canary", 2, "shop:2"));
        create(Deployments.of("shop", "other", 1, "other:1"));
        setStatus("web", 3, 3, 3);
        List<RolloutLine> lines = new CopyOnWriteArrayList<>();
        try (RolloutFeed feed = RolloutFeed.open(new ClusterCache(client), "shop", Set.of("web", "web-canary"),
                lines::add)) {
            // The mock API server sets metadata.generation; nothing has observed web-canary's spec yet.
            Eventually.assertThat(() -> assertThat(texts(lines)).containsExactlyInAnyOrder(
                    "deployment \"web\" successfully rolled out",
                    "Waiting for deployment spec update to be observed..."));
            setStatus("web-canary", 0, 0, 0);
            Eventually.assertThat(() -> assertThat(texts(lines)).last().isEqualTo(
                    "Waiting for deployment \"web-canary\" rollout to finish: 0 out of 2 new replicas have been updated..."));

            feed.addStep("coalmine", "step 1/3: canary at 10 %");
            setStatus("web-canary", 2, 2, 1);
            Eventually.assertThat(() -> assertThat(texts(lines)).endsWith("step 1/3: canary at 10 %",
                    "Waiting for deployment \"web-canary\" rollout to finish: 1 of 2 updated replicas are available..."));
            setStatus("web-canary", 3, 2, 1);
            Eventually.assertThat(() -> assertThat(texts(lines)).last().isEqualTo(
                    "Waiting for deployment \"web-canary\" rollout to finish: 1 old replicas are pending termination..."));
            setStatus("web-canary", 3, 2, 1);
            setStatus("web-canary", 2, 2, 2);
            Eventually.assertThat(() -> assertThat(lines).last().satisfies(l -> {
                assertThat(l.text()).isEqualTo("deployment \"web-canary\" successfully rolled out");
                assertThat(l.kind()).isEqualTo(RolloutLine.Kind.DONE);
                assertThat(l.source()).isEqualTo("web-canary");
            }));
            assertThat(texts(lines)).as("an unchanged status prints nothing").doesNotHaveDuplicates().hasSize(7);
        }
        int closedAt = lines.size();
        setStatus("web", 3, 3, 2);
        Thread.sleep(500);
        assertThat(lines).as("nothing after close").hasSize(closedAt);
    }

    private void create(Deployment d) {
        client.apps().deployments().inNamespace("shop").resource(d).create();
    }

    private void setStatus(String name, int replicas, int updated, int available) {
        Deployment d = client.apps().deployments().inNamespace("shop").withName(name).get();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                .withUpdatedReplicas(updated).withAvailableReplicas(available).build());
        client.apps().deployments().inNamespace("shop").resource(d).updateStatus();
    }

    private static List<String> texts(List<RolloutLine> lines) {
        return lines.stream().map(RolloutLine::text).toList();
    }
}
