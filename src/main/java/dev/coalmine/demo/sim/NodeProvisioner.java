package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Map;

/** Registers the fake nodes {@code demo-node-1..n}, Ready, as their kubelets would on start. */
final class NodeProvisioner {
    private final KubernetesClient client;
    private final ClusterWriter writer;

    NodeProvisioner(KubernetesClient client, ClusterWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    void provision(int count, Instant now) {
        for (int i = 1; i <= count; i++) {
            String name = "demo-node-" + i;
            Node node = client.nodes().withName(name).get();
            if (node == null) {
                node = writer.create(new NodeBuilder().withNewMetadata().withName(name)
                        .withLabels(Map.of("kubernetes.io/hostname", name, "kubernetes.io/os", "linux",
                                "kubernetes.io/arch", "amd64"))
                        .endMetadata()
                        .withNewSpec().withPodCIDR("10.244." + i + ".0/24").endSpec()
                        .build());
            }
            node.setStatus(new NodeBuilder(node).withNewStatus()
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                    .withMessage("kubelet is posting ready status")
                    .withLastHeartbeatTime(Timestamps.format(now)).withLastTransitionTime(Timestamps.format(now))
                    .endCondition()
                    .addNewAddress().withType("InternalIP").withAddress("192.168.49." + (i + 1)).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(name).endAddress()
                    .withCapacity(resources()).withAllocatable(resources())
                    .withNewNodeInfo().withArchitecture("amd64").withOperatingSystem("linux")
                    .withOsImage("Coalmine demo node").withKernelVersion("6.1.0")
                    .withContainerRuntimeVersion("containerd://1.7.24").withKubeletVersion("v1.32.0")
                    .withKubeProxyVersion("v1.32.0").withMachineID(name).withSystemUUID(name).withBootID(name)
                    .endNodeInfo()
                    .endStatus().build().getStatus());
            writer.writeStatus(node);
        }
    }

    private static Map<String, Quantity> resources() {
        return Map.of("cpu", new Quantity("4"), "memory", new Quantity("16Gi"), "pods", new Quantity("110"),
                "ephemeral-storage", new Quantity("100Gi"));
    }
}
