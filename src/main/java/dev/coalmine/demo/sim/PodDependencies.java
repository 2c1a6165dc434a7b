package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which ConfigMaps, Secrets and ServiceAccounts exist: what a pod needs before it can be created or started. */
final class PodDependencies {
    private final Set<String> configMaps;
    private final Set<String> secrets;
    private final Set<String> serviceAccounts;

    PodDependencies(Set<String> configMaps, Set<String> secrets, Set<String> serviceAccounts) {
        this.configMaps = Set.copyOf(configMaps);
        this.secrets = Set.copyOf(secrets);
        this.serviceAccounts = Set.copyOf(serviceAccounts);
    }

    static PodDependencies read(KubernetesClient client) {
        return new PodDependencies(keys(client.configMaps().inAnyNamespace().list().getItems()),
                keys(client.secrets().inAnyNamespace().list().getItems()),
                keys(client.serviceAccounts().inAnyNamespace().list().getItems()));
    }

    boolean hasConfigMap(String namespace, String name) {
        return configMaps.contains(namespace + "/" + name);
    }

    boolean hasSecret(String namespace, String name) {
        return secrets.contains(namespace + "/" + name);
    }

    boolean hasServiceAccount(String namespace, String name) {
        return serviceAccounts.contains(namespace + "/" + name);
    }

    private static Set<String> keys(List<? extends HasMetadata> objects) {
        Set<String> keys = new HashSet<>();
        objects.forEach(o -> keys.add(o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()));
        return keys;
    }
}
