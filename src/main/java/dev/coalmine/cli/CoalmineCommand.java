package dev.coalmine.cli;

import dev.coalmine.Version;
import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.kube.config.KubeTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code coalmine}: with no subcommand it opens the console. */
@Command(name = "coalmine",
        mixinStandardHelpOptions = true,
        versionProvider = CoalmineCommand.VersionProvider.class,
        description = "Canary releases of Kubernetes Deployments: a desktop console and a CLI.%n"
                + "With no command, opens the console.",
        subcommandsRepeatable = false)
public final class CoalmineCommand implements Callable<Integer> {
    private static final String KUBECONFIG = "--kubeconfig";
    private static final String CONTEXT = "--context";
    private static final String NAMESPACE_SHORT = "-n";
    private static final String NAMESPACE = "--namespace";
    /** The options that take a value, which every subcommand inherits. */
    static final Set<String> VALUE_OPTIONS = Set.of(KUBECONFIG, CONTEXT, NAMESPACE_SHORT, NAMESPACE);

    @Option(names = KUBECONFIG, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = CONTEXT, paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The kubeconfig context to use (default: its current context).")
    String context;

    @Option(names = {NAMESPACE_SHORT, NAMESPACE}, paramLabel = "NS", scope = ScopeType.INHERIT,
            converter = NameConverters.Namespace.class,
            description = "The namespace (default: the context's namespace).")
    String namespace;

    private final Consumer<KubeTarget> consoleLauncher;
    private final ClusterAddOn addOn;

    public CoalmineCommand(Consumer<KubeTarget> consoleLauncher, ClusterAddOn addOn) {
        this.consoleLauncher = consoleLauncher;
        this.addOn = addOn;
    }

    public KubeTarget target() {
        return new KubeTarget(Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
                Optional.ofNullable(namespace));
    }

    /** What the composition root plugs in for the clusters the commands connect to. */
    public ClusterAddOn addOn() {
        return addOn;
    }

    @Override
    public Integer call() {
        consoleLauncher.accept(target());
        return 0;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"coalmine " + Version.current()};
        }
    }
}
