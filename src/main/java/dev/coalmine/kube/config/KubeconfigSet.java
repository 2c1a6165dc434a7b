package dev.coalmine.kube.config;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kubeconfig files that were read, merged the way kubectl merges them (first file wins per
 * context, cluster and user name; current-context from the first file that sets one).
 */
public final class KubeconfigSet {
    private final List<Path> sources;
    private final Config merged;
    private final List<KubeContext> contexts;

    KubeconfigSet(List<Path> sources, Config merged) {
        this.sources = List.copyOf(sources);
        this.merged = merged;
        String current = merged.getCurrentContext();
        this.contexts = merged.getContexts().stream()
                .map(named -> toContext(named, current))
                .collect(Collectors.toUnmodifiableList());
    }

    private static KubeContext toContext(NamedContext named, String current) {
        var context = named.getContext();
        String namespace = context.getNamespace() == null || context.getNamespace().isBlank()
                ? "default" : context.getNamespace();
        return new KubeContext(named.getName(), context.getCluster(), context.getUser(), namespace,
                named.getName().equals(current));
    }

    public List<KubeContext> contexts() {
        return contexts;
    }

    public Optional<KubeContext> current() {
        return contexts.stream().filter(KubeContext::current).findFirst();
    }

    public Optional<KubeContext> find(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Path> sources() {
        return sources;
    }

    public boolean isEmpty() {
        return contexts.isEmpty();
    }

    /** This set, or a {@link KubeconfigException} saying that the files define no context. */
    public KubeconfigSet requireContexts() {
        if (isEmpty()) {
            throw new KubeconfigException("No contexts are defined in " + describeSources()
                    + ". Add one with 'kubectl config set-context', or point --kubeconfig/KUBECONFIG "
                    + "at the file your cluster provider gave you.");
        }
        return this;
    }

    /** The chosen context's name: the given one, else the current-context. */
    public String resolveContextName(Optional<String> requested) {
        requireContexts();
        String named = merged.getCurrentContext();
        return requested.or(() -> current().map(KubeContext::name)).orElseThrow(() -> new KubeconfigException(
                (named == null || named.isBlank() ? "No current-context is set in " + describeSources()
                        : "The current-context '" + named + "' of " + describeSources() + " is not defined there")
                        + ". Choose one with --context (" + contextNames()
                        + ") or run 'kubectl config use-context NAME'."));
    }

    String describeSources() {
        return sources.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    String contextNames() {
        return contexts.stream().map(KubeContext::name).collect(Collectors.joining(", "));
    }

    /** The merged fabric8 model; each entry remembers the file it came from. */
    Config merged() {
        return merged;
    }
}
