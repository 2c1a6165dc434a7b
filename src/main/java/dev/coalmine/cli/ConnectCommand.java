package dev.coalmine.cli;

import dev.coalmine.kube.config.ClusterConnection;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.kube.config.KubeconfigLoader;
import dev.coalmine.kube.config.KubeconfigSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine connect}: checks that the chosen context's cluster answers, and with whom. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect to the cluster of the context (--context, default: current) and show the server "
                + "version, user, cluster URL and namespace.")
final class ConnectCommand implements Callable<Integer> {
    @ParentCommand
    CoalmineCommand root;

    @Spec
    CommandSpec spec;

    private final KubeEnvironment environment;
    private final ClusterConnector connector;

    ConnectCommand() {
        this(KubeEnvironment.fromSystem(), new ClusterConnector());
    }

    ConnectCommand(KubeEnvironment environment, ClusterConnector connector) {
        this.environment = environment;
        this.connector = connector;
    }

    @Override
    public Integer call() {
        KubeTarget target = root.target();
        KubeconfigSet set = new KubeconfigLoader(environment).load(target.kubeconfig());
        String context = set.resolveContextName(target.context());
        try (ClusterConnection connection = connector.connect(set, context)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Connected to context '" + connection.contextName() + "'");
            out.println("  server:    " + connection.serverUrl());
            out.println("  version:   " + connection.serverVersion());
            out.println("  user:      " + connection.user());
            out.println("  namespace: " + target.namespace().orElse(connection.namespace()));
            out.flush();
        }
        return 0;
    }
}
