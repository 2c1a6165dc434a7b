package dev.coalmine.kube.config;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Merges kubeconfig files in order: the first file that defines a name wins, as in kubectl. */
final class KubeconfigMerger {
    private final KubeconfigFileReader reader;

    KubeconfigMerger(KubeconfigFileReader reader) {
        this.reader = reader;
    }

    KubeconfigSet merge(List<Path> sources) {
        Map<String, NamedContext> contexts = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        String currentContext = null;
        for (Path source : sources) {
            Config file = reader.read(source);
            addFirstWins(contexts, file.getContexts(), NamedContext::getName, c -> c.getContext() != null);
            addFirstWins(clusters, file.getClusters(), NamedCluster::getName, c -> c.getCluster() != null);
            addFirstWins(users, file.getUsers(), NamedAuthInfo::getName, u -> u.getUser() != null);
            if (currentContext == null && file.getCurrentContext() != null && !file.getCurrentContext().isBlank()) {
                currentContext = file.getCurrentContext();
            }
        }
        Config merged = new Config();
        merged.setContexts(new ArrayList<>(contexts.values()));
        merged.setClusters(new ArrayList<>(clusters.values()));
        merged.setUsers(new ArrayList<>(users.values()));
        merged.setCurrentContext(currentContext);
        return new KubeconfigSet(sources, merged);
    }

    private static <T> void addFirstWins(Map<String, T> into, List<T> entries, Function<T, String> name,
            Predicate<T> complete) {
        if (entries == null) {
            return;
        }
        for (T entry : entries) {
            if (name.apply(entry) != null && complete.test(entry)) {
                into.putIfAbsent(name.apply(entry), entry);
            }
        }
    }
}
