package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The ConfigMaps and Secrets a pod uses: volumes (projected too), envFrom and env valueFrom, of every container. */
record ConfigReferences(Set<String> configMaps, Set<String> secrets) {
    static ConfigReferences of(PodSpec pod) {
        List<Container> containers = Stream.concat(orEmpty(pod.getContainers()).stream(),
                orEmpty(pod.getInitContainers()).stream()).toList();
        List<Volume> volumes = orEmpty(pod.getVolumes());
        List<VolumeProjection> projected = volumes.stream().filter(v -> v.getProjected() != null)
                .flatMap(v -> orEmpty(v.getProjected().getSources()).stream()).toList();
        List<EnvFromSource> envFrom = containers.stream().flatMap(c -> orEmpty(c.getEnvFrom()).stream()).toList();
        List<EnvVar> env = containers.stream().flatMap(c -> orEmpty(c.getEnv()).stream())
                .filter(e -> e.getValueFrom() != null).toList();
        Set<String> configMaps = names(Stream.of(
                volumes.stream().map(v -> v.getConfigMap() == null ? null : v.getConfigMap().getName()),
                projected.stream().map(p -> p.getConfigMap() == null ? null : p.getConfigMap().getName()),
                envFrom.stream().map(e -> e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName()),
                env.stream().map(e -> e.getValueFrom().getConfigMapKeyRef() == null ? null
                        : e.getValueFrom().getConfigMapKeyRef().getName())));
        Set<String> secrets = names(Stream.of(
                volumes.stream().map(v -> v.getSecret() == null ? null : v.getSecret().getSecretName()),
                projected.stream().map(p -> p.getSecret() == null ? null : p.getSecret().getName()),
                envFrom.stream().map(e -> e.getSecretRef() == null ? null : e.getSecretRef().getName()),
                env.stream().map(e -> e.getValueFrom().getSecretKeyRef() == null ? null
                        : e.getValueFrom().getSecretKeyRef().getName())));
        return new ConfigReferences(configMaps, secrets);
    }

    private static Set<String> names(Stream<Stream<String>> sources) {
        return sources.flatMap(s -> s).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
