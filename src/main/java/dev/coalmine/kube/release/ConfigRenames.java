package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Points a pod spec at versioned config copies: every reference to a renamed ConfigMap or Secret. */
record ConfigRenames(Map<String, String> configMaps, Map<String, String> secrets) {

    public static ConfigRenames none() {
        return new ConfigRenames(Map.of(), Map.of());
    }

    public ConfigRenames {
        configMaps = Map.copyOf(configMaps);
        secrets = Map.copyOf(secrets);
    }

    public void applyTo(PodSpec spec) {
        for (Volume v : orEmpty(spec.getVolumes())) {
            if (v.getConfigMap() != null) {
                v.getConfigMap().setName(cm(v.getConfigMap().getName()));
            }
            if (v.getSecret() != null) {
                v.getSecret().setSecretName(secret(v.getSecret().getSecretName()));
            }
            if (v.getProjected() != null) {
                for (VolumeProjection p : orEmpty(v.getProjected().getSources())) {
                    if (p.getConfigMap() != null) {
                        p.getConfigMap().setName(cm(p.getConfigMap().getName()));
                    }
                    if (p.getSecret() != null) {
                        p.getSecret().setName(secret(p.getSecret().getName()));
                    }
                }
            }
        }
        Stream.concat(orEmpty(spec.getContainers()).stream(), orEmpty(spec.getInitContainers()).stream())
                .forEach(this::applyTo);
    }

    private void applyTo(Container c) {
        for (EnvVar e : orEmpty(c.getEnv())) {
            if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                e.getValueFrom().getConfigMapKeyRef().setName(cm(e.getValueFrom().getConfigMapKeyRef().getName()));
            }
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                e.getValueFrom().getSecretKeyRef().setName(secret(e.getValueFrom().getSecretKeyRef().getName()));
            }
        }
        for (EnvFromSource e : orEmpty(c.getEnvFrom())) {
            if (e.getConfigMapRef() != null) {
                e.getConfigMapRef().setName(cm(e.getConfigMapRef().getName()));
            }
            if (e.getSecretRef() != null) {
                e.getSecretRef().setName(secret(e.getSecretRef().getName()));
            }
        }
    }

    private String cm(String name) {
        return configMaps.getOrDefault(name, name);
    }

    private String secret(String name) {
        return secrets.getOrDefault(name, name);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
