package dev.coalmine.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyClusterAccessTest {
    @TempDir
    Path home;

    @Test
    void theAccessIsBuiltOnItsFirstUseAndOnlyOnce() {
        AtomicInteger builds = new AtomicInteger();
        LazyClusterAccess lazy = new LazyClusterAccess(() -> {
            builds.incrementAndGet();
            return new KubeconfigClusterAccess(new KubeTarget(Optional.empty(), Optional.empty(), Optional.empty()),
                    new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), () -> {
                        throw new CoalmineException("no demo in this test");
                    }, ClusterAddOn.NONE);
        });
        assertThat(builds).hasValue(0);

        assertThat(lazy.choices()).containsExactly(KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(lazy.initialChoice()).contains(KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(lazy.sourceDescription()).isEqualTo("No kubeconfig found: using the built-in demo cluster");
        assertThat(builds).hasValue(1);
    }
}
