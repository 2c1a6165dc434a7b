package dev.coalmine.kube.config;

/**
 * One context of the merged kubeconfig, as {@code kubectl config get-contexts} shows it.
 *
 * @param namespace the context's namespace, already defaulted to {@code default}
 * @param current whether this is the merged current-context
 */
public record KubeContext(String name, String cluster, String user, String namespace, boolean current) {
}
