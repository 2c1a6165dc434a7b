package dev.coalmine.demo.traffic;

/**
 * The simulated resource use of one pod, in the units metrics.k8s.io reports.
 *
 * @param node          the node the pod runs on
 * @param container     the pod's first container, which carries all of it
 * @param cpuMillicores CPU in millicores ({@code 12m})
 * @param memoryBytes   working-set memory in bytes
 */
public record PodUsage(String namespace, String pod, String node, String container, long cpuMillicores,
                       long memoryBytes) {
}
