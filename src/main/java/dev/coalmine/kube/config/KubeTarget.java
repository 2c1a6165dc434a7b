package dev.coalmine.kube.config;

import java.nio.file.Path;
import java.util.Optional;

/** What the global kubectl-style options asked for; empty parts mean "as kubectl would choose". */
public record KubeTarget(Optional<Path> kubeconfig, Optional<String> context, Optional<String> namespace) {
    public static KubeTarget defaults() {
        return new KubeTarget(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
