package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Optional;

/** The kubelet's volume set-up: a ConfigMap or Secret volume whose object does not exist keeps the pod from starting. */
final class MissingVolumes {
    private MissingVolumes() {
    }

    /** The kubelet's {@code FailedMount} message for the first volume that cannot be set up, if any. */
    static Optional<String> firstOf(Pod pod, PodDependencies existing) {
        String namespace = pod.getMetadata().getNamespace();
        if (pod.getSpec().getVolumes() == null) {
            return Optional.empty();
        }
        for (Volume volume : pod.getSpec().getVolumes()) {
            var configMap = volume.getConfigMap();
            if (configMap != null && !Boolean.TRUE.equals(configMap.getOptional())
                    && !existing.hasConfigMap(namespace, configMap.getName())) {
                return Optional.of(failed(volume, "configmap \"" + configMap.getName() + "\" not found"));
            }
            var secret = volume.getSecret();
            if (secret != null && !Boolean.TRUE.equals(secret.getOptional())
                    && !existing.hasSecret(namespace, secret.getSecretName())) {
                return Optional.of(failed(volume, "secret \"" + secret.getSecretName() + "\" not found"));
            }
        }
        return Optional.empty();
    }

    private static String failed(Volume volume, String reason) {
        return "MountVolume.SetUp failed for volume \"" + volume.getName() + "\" : " + reason;
    }
}
