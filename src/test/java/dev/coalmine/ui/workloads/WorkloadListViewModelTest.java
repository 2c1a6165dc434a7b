package dev.coalmine.ui.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkloadListViewModelTest {
    private final CrudApiServer api = new CrudApiServer();
    private final ClusterCache cache = new ClusterCache(api.client());
    private final WorkloadListViewModel model = new WorkloadListViewModel(Runnable::run, Runnable::run);

    @AfterEach
    void stop() {
        model.disconnect("done");
        api.close();
    }

    private void show(String namespace) {
        model.show("namespace " + namespace,
                listener -> WorkloadFeed.open(cache, namespace, listener));
    }

    private synchronized java.util.List<String> names() {
        return model.visibleWorkloads().stream().map(WorkloadSummary::name).toList();
    }

    @Test
    void listsTheNamespacesDeploymentsAndFollowsChanges() {
        api.client().resource(Deployments.of("shop", "frontend", 4, "shop/frontend:1.3.0")).create();
        api.client().resource(Deployments.of("other", "elsewhere", 1, "x:1")).create();

        show("shop");
        Eventually.assertThat(() -> assertThat(names()).containsExactly("frontend"));
        assertThat(model.find("frontend")).get().extracting(WorkloadSummary::desiredReplicas).isEqualTo(4);

        api.client().resource(Deployments.of("shop", "api", 2, "shop/api:2.0")).create();
        Eventually.assertThat(() -> assertThat(names()).containsExactly("api", "frontend"));

        api.client().apps().deployments().inNamespace("shop").withName("frontend").delete();
        Eventually.assertThat(() -> assertThat(names()).containsExactly("api"));
    }

    @Test
    void switchingNamespaceReplacesTheListAndAnEmptyNamespaceSaysSo() {
        api.client().resource(Deployments.of("shop", "frontend", 4, "shop/frontend:1.3.0")).create();
        show("shop");
        Eventually.assertThat(() -> assertThat(names()).containsExactly("frontend"));

        show("empty");
        Eventually.assertThat(() -> assertThat(model.emptyMessage().get()).isEqualTo("No Deployments in namespace empty"));
        assertThat(names()).isEmpty();
    }

    @Test
    void filterMatchesNameOrImage() {
        api.client().resource(Deployments.of("shop", "frontend", 4, "shop/frontend:1.3.0")).create();
        api.client().resource(Deployments.of("shop", "api", 2, "shop/backend:2.0")).create();
        show("shop");
        Eventually.assertThat(() -> assertThat(names()).hasSize(2));

        model.filterProperty().set("backend");
        assertThat(names()).containsExactly("api");
        model.filterProperty().set("nothing-like-it");
        assertThat(names()).isEmpty();
        assertThat(model.emptyMessage().get()).isEqualTo("No Deployments match \u201cnothing-like-it\u201d");
    }
}
