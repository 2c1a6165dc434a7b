package dev.coalmine.demo.traffic;

/**
 * The simulated resource use of one pod, in the units metrics.k8s.io reports.
 *
 * @param cpuMillicores CPU in millicores ({@code 12m})
 * @param memoryBytes   working-set memory in bytes
 */
public record PodUsage(String namespace, String pod, long cpuMillicores, long memoryBytes) {
}
