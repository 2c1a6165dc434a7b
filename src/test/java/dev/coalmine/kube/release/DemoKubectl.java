package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl against a demo cluster, in one namespace; every call must succeed. */
final class DemoKubectl {
    private final DemoCluster cluster;
    private final Path kubeconfig;
    private final String namespace;

    DemoKubectl(DemoCluster cluster, Path dir, String namespace) {
        this.cluster = cluster;
        this.kubeconfig = dir.resolve("kubeconfig");
        this.namespace = namespace;
    }

    String run(String... args) throws IOException, InterruptedException {
        cluster.writeKubeconfig(kubeconfig);
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "-n",
                namespace));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
