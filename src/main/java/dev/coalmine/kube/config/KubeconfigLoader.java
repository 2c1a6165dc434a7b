package dev.coalmine.kube.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds and loads kubeconfig files like kubectl: an explicit file wins, else every file listed in
 * {@code KUBECONFIG} (missing ones skipped, as kubectl does), else {@code ~/.kube/config}.
 */
public final class KubeconfigLoader {
    private final KubeEnvironment environment;
    private final KubeconfigMerger merger = new KubeconfigMerger(new KubeconfigFileReader());

    public KubeconfigLoader(KubeEnvironment environment) {
        this.environment = environment;
    }

    public KubeconfigSet load(Optional<Path> explicit) {
        return merger.merge(sourcesFor(explicit));
    }

    private List<Path> sourcesFor(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return List.of(explicit.get());
        }
        Optional<String> variable = environment.kubeconfigVariable();
        if (variable.isPresent()) {
            List<Path> listed = Arrays.stream(variable.get().split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(Path::of)
                    .collect(Collectors.toList());
            List<Path> existing = listed.stream().filter(Files::isRegularFile).collect(Collectors.toList());
            if (existing.isEmpty()) {
                throw new KubeconfigException("None of the files in KUBECONFIG exist (" + variable.get()
                        + "). Fix KUBECONFIG, or pass the file with --kubeconfig.");
            }
            return existing;
        }
        Path standard = environment.home().resolve(".kube").resolve("config");
        if (!Files.isRegularFile(standard)) {
            throw new KubeconfigException("No kubeconfig found: " + standard + " does not exist and KUBECONFIG "
                    + "is not set. Pass a file with --kubeconfig, set KUBECONFIG, or save your cluster's "
                    + "kubeconfig to " + standard + ".");
        }
        return List.of(standard);
    }
}
