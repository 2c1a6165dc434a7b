package dev.coalmine.demo;

import java.nio.file.Path;

/** A demo cluster and the real kubectl pointed at it through a kubeconfig written into {@code dir}. */
final class KubectlDemo implements AutoCloseable {
    final DemoCluster cluster;
    final Kubectl kubectl;

    private KubectlDemo(DemoCluster cluster, Kubectl kubectl) {
        this.cluster = cluster;
        this.kubectl = kubectl;
    }

    static KubectlDemo start(DemoOptions options, Path dir) {
        DemoCluster cluster = DemoCluster.start(options);
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        return new KubectlDemo(cluster, new Kubectl(kubeconfig));
    }

    @Override
    public void close() {
        cluster.close();
    }
}
