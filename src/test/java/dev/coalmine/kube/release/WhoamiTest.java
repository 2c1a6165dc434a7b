package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import org.junit.jupiter.api.Test;

/** The demo API server answers SelfSubjectReviews with its one user, whatever the kubeconfig calls it. */
class WhoamiTest {
    @Test
    void theDemoClusterReportsItsAdministrator() {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults())) {
            assertThat(Whoami.of(cluster.client(), "coalmine-demo")).isEqualTo("demo-admin");
        }
    }
}
